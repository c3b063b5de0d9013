/**
 * Headless Chromium for the browser fakes' tests (and the repository's end-to-end tests, which
 * re-export the launcher): the system's Chromium through playwright-core, or `CHROMIUM_PATH`;
 * axe's audit of a page with its frames; and screenshots kept as artefacts for a person to look
 * at (they pass or fail nothing).
 */
import {mkdir, readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {chromium, type Browser, type Locator, type Page} from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

let axeSource: Promise<string> | undefined;

/** axe-core's violations on `page` and every frame in it, one `id: [targets]` line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(
    fileURLToPath(import.meta.resolve('axe-core/axe.min.js')),
    'utf8'
  );
  const source = await axeSource;
  for (const frame of page.frames()) await frame.evaluate(source);
  const results = await page.evaluate(() =>
    (
      window as never as {
        axe: {
          run(o: object): Promise<{
            violations: {id: string; nodes: {target: unknown}[]}[];
          }>;
        };
      }
    ).axe.run({iframes: true})
  );
  return results.violations.map(
    (v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`
  );
}

/** Where screenshots go: `SCREENSHOTS_DIR`, or emulators/test-results/ (ignored by git). */
const SCREENSHOTS = process.env.SCREENSHOTS_DIR
  ? `${process.env.SCREENSHOTS_DIR.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../test-results/', import.meta.url));

/**
 * Saves a screenshot named `name`.png for a person to look at. An artefact, not a check: what a
 * test asserts about the look it asserts itself.
 */
export async function saveScreenshot(
  target: Page | Locator,
  name: string
): Promise<void> {
  await mkdir(SCREENSHOTS, {recursive: true});
  await target.screenshot({
    path: `${SCREENSHOTS}${name}.png`,
    ...('goto' in target && {fullPage: true}),
  });
}

/**
 * Presses a button in a window that closes itself on the press (an approval or a cancel):
 * the click may not see its own end, so the window's close is what is waited for.
 */
export async function pressAndClose(
  popup: Page,
  selector: string
): Promise<void> {
  await Promise.all([
    popup.waitForEvent('close'),
    popup
      .locator(selector)
      .click()
      .catch(() => {}),
  ]);
}
