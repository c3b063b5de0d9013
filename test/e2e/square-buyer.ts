/**
 * A buyer paying with Square on the demo shop, as steps the Square end-to-end suites share:
 * pick Square in <pay-checkout>, type a card into Square's frame (the emulator's Web Payments
 * SDK fake, on its own origin), answer the bank's check in its window, and read the order back.
 */
import assert from 'node:assert/strict';
import type {FrameLocator, Page} from 'playwright-core';
import {checkout, settled} from './buyer.js';
import type {Shop} from './shop.js';

/**
 * Square's card form: an iframe on the emulator's origin in the element's light-DOM slot (its
 * title, "Secure card payment input frame", is in the buyer's language).
 */
export const SQUARE_FRAME = 'pay-checkout [slot="square-card"] iframe';
/** The bank's check (strong customer authentication): a frame in a modal dialog over the page. */
export const CHALLENGE_FRAME = 'iframe[title="Card verification"]';

/** Square's sandbox cards (developer.squareup.com/docs/devtools/sandbox/payments). */
export const CARDS = {
  visa: '4111111111111111',
  declined: '4000000000000002',
  /** Visa EU: the bank asks for a check. */
  challenge: '4310000000201019',
} as const;

export const squareFrame = (
  page: Page,
  selector = SQUARE_FRAME
): FrameLocator => page.frameLocator(selector);

/** Picks Square in the element's provider choice (with several providers) and waits for its form. */
export async function chooseSquare(page: Page): Promise<void> {
  const radio = checkout(page).getByRole('radio', {name: 'Square'});
  if ((await radio.count()) && !(await radio.isChecked())) await radio.click();
  await squareFrame(page).getByLabel('Card number').waitFor({timeout: 20_000});
}

/** Types a card into Square's frame. */
export async function fillSquareCard(
  page: Page,
  number: string = CARDS.visa,
  {
    cvv = '111',
    expiry = '12/34',
    postalCode = '94103',
    /** Another place for the frame (inside a shadow root: the document's mount node). */
    selector = SQUARE_FRAME,
  } = {}
): Promise<void> {
  const frame = squareFrame(page, selector);
  await frame.getByLabel('Card number').fill(number);
  await frame.getByLabel('Expiration date').fill(expiry);
  await frame.getByLabel('CVV').fill(cvv);
  await frame.getByLabel('Postal code').fill(postalCode);
}

/** Answers the bank's check in its window: Authenticate or Fail. */
export async function answerChallenge(
  page: Page,
  answer: 'Authenticate' | 'Fail'
): Promise<void> {
  const button = page
    .frameLocator(CHALLENGE_FRAME)
    .getByRole('button', {name: answer});
  await button.waitFor({timeout: 20_000});
  await button.click();
}

export interface OrderRow {
  id: string;
  status: string;
  provider: string;
  total: number;
  provider_payment_id: string | null;
  amount_refunded: number;
}

/** The orders the shop wrote, oldest first. */
export function orders(shop: Shop): OrderRow[] {
  return shop.query<OrderRow>(
    'SELECT id, status, provider, total, provider_payment_id, amount_refunded FROM orders ORDER BY created_at, rowid'
  );
}

/** Waits (up to `ms`, 15 s) until `ok`. */
export async function eventually(
  what: string,
  ok: () => boolean | Promise<boolean>,
  ms = 15_000
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) assert.fail(`still not: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The element's error region's text. */
export async function errorText(page: Page): Promise<string> {
  await settled(page);
  return ((await checkout(page).locator('[part~="error"]').textContent()) ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
