import { test as base } from "@playwright/test";
import { MEMBER_STATE } from "./e2e-env";
import { FakeGitHubControl } from "./fake-github-control";

export { expect } from "@playwright/test";

/** Specs get `fake` (fake-github's control surface); pages are signed in as the owner by default. */
export const test = base.extend<{ fake: FakeGitHubControl }>({
  fake: async ({}, provide) => {
    const fake = new FakeGitHubControl();
    await provide(fake);
    await fake.clearFaults();
  },
});

/** Use inside a describe block to run it as a signed-in plain member instead of the owner. */
export const asMember = { storageState: MEMBER_STATE };
