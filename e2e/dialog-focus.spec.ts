// Keyboard focus in a modal dialog: Tab and Shift+Tab go round its own controls and never leave
// it (for the page behind, or for the browser's own toolbar, as a bare <dialog> lets it).
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openPatList, patTable } from "./pat-list-page";

/** Which control has focus, by its name, or null when focus is outside `dialog`. */
function focusedControl(dialog: Locator): Promise<string | null> {
  return dialog.evaluate((element) => {
    const active = document.activeElement;
    if (!active || !element.contains(active)) return null;
    return active.getAttribute("aria-label") ?? (active.textContent?.trim() || active.tagName.toLowerCase());
  });
}

async function pressRepeatedly(page: Page, dialog: Locator, key: "Tab" | "Shift+Tab", times: number): Promise<string[]> {
  const visited: string[] = [];
  for (let press = 1; press <= times; press++) {
    await page.keyboard.press(key);
    const control = await focusedControl(dialog);
    expect(control, `focus after ${press} × ${key}`).not.toBeNull();
    visited.push(control!);
  }
  return visited;
}

test("Tab and Shift+Tab stay inside the review dialog", async ({ page }) => {
  await openPatList(page, "acme", "requests");
  const boxes = patTable(page, "requests").getByRole("checkbox", { name: /^Select .+'s request for / });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole("region", { name: "Selection" }).getByRole("button", { name: "Approve…" }).click();
  const dialog = page.getByRole("dialog", { name: /^Approve 2 requests from / });
  await expect(dialog).toBeVisible();
  // Focus starts on its first control, the reason.
  await expect(dialog.getByLabel(/^Reason/)).toBeFocused();

  // Its controls: the reason, Cancel, Approve and Close. Three rounds each way.
  const forward = await pressRepeatedly(page, dialog, "Tab", 12);
  expect(new Set(forward)).toEqual(new Set(["textarea", "Cancel", "Approve", "Close"]));
  expect(forward.slice(0, 4)).toEqual(forward.slice(4, 8));
  const backward = await pressRepeatedly(page, dialog, "Shift+Tab", 12);
  expect(new Set(backward)).toEqual(new Set(forward));

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  // Focus returns to the button that opened it.
  await expect(page.getByRole("region", { name: "Selection" }).getByRole("button", { name: "Approve…" })).toBeFocused();
});
