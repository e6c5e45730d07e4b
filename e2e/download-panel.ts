import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";

/** Opens a chart's download panel from its card's Download button; the dialog it opens. */
export async function openDownloadPanel(page: Page, chart: string): Promise<Locator> {
  await page.locator(`#${chart} button`, { hasText: "Download" }).click();
  const dialog = page.locator(`#${chart} dialog.download-panel`);
  await dialog.waitFor({ state: "visible" });
  return dialog;
}

/** Clicks what starts a download and reads the file it saves. */
export async function download(page: Page, trigger: Locator) {
  const [file] = await Promise.all([page.waitForEvent("download"), trigger.click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}
