import { expect, test as setup } from "@playwright/test";
import { MEMBER, MEMBER_STATE, OWNER, OWNER_STATE } from "./e2e-env";
import { signInAs } from "./sign-in";

setup("sign in as an owner", async ({ page }) => {
  await signInAs(page, OWNER);
  await expect(page.getByLabel(`Signed in as ${OWNER}`)).toBeVisible();
  await page.context().storageState({ path: OWNER_STATE });
});

setup("sign in as a plain member", async ({ page }) => {
  await signInAs(page, MEMBER);
  await expect(page.getByLabel(`Signed in as ${MEMBER}`)).toBeVisible();
  await page.context().storageState({ path: MEMBER_STATE });
});
