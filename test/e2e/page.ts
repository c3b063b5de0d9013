/** What the end-to-end tests do to a page: wait for text, press Pay, audit accessibility. */
import {readFileSync} from 'node:fs';
import type {Page} from 'playwright-core';
import {checkout, clickPay} from './buyer.js';

const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

export async function expectText(page: Page, selector: string, text: string) {
  await page
    .locator(selector)
    .filter({hasText: text})
    .first()
    .waitFor({timeout: 15_000});
}

/**
 * Pay pressed as buyer.ts `clickPay` presses it (on screen and still), but found by its part:
 * for pages where its name is in another language.
 */
export const pressPayByPart = (page: Page) =>
  clickPay(page, checkout(page).locator('[part~="submit-button"]'));

/**
 * axe-core over the page and every frame in it (the card form is a cross-origin iframe). Rules
 * about a whole page (one h1, landmarks) apply to the top document only, as axe's own frame
 * mode does.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const frame of page.frames()) {
    await frame.evaluate(axeSource);
    const ids = await frame.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: unknown,
              options: unknown
            ): Promise<{violations: {id: string; nodes: unknown[]}[]}>;
          };
        }
      ).axe;
      const pageRules = ['page-has-heading-one', 'landmark-one-main', 'region'];
      const topLevel = window === window.top;
      const rules = Object.fromEntries(
        pageRules.map((id) => [id, {enabled: topLevel}])
      );
      const result = await axe.run(document, {iframes: false, rules});
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    found.push(...ids.map((id) => `${new URL(frame.url()).pathname}: ${id}`));
  }
  return found;
}
