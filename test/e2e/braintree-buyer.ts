/**
 * A buyer paying with Braintree on the demo shop, as steps the Braintree end-to-end suites
 * share: the cart with provider="braintree", the card typed into the Drop-in fake's frame (on
 * the emulator's origin), the bank's 3-D Secure window, and the shop's database read back.
 */
import type {Browser, FrameLocator, Page} from 'playwright-core';
import {
  addToCart,
  checkout,
  fillEmail,
  openDemoShop,
  waitForEvent,
  type PayEvent,
} from './buyer.js';
import type {Shop} from './shop.js';

/** Drop-in's card frame (Hosted Fields' iframes in one document) and the bank's window. */
export const DROPIN_FRAME = 'iframe[name^="braintree-hosted-field"]';
export const CHALLENGE_FRAME = '.braintree-three-d-secure iframe';

export const dropinFrame = (page: Page): FrameLocator =>
  page.frameLocator(DROPIN_FRAME);
export const challengeFrame = (page: Page): FrameLocator =>
  page.frameLocator(CHALLENGE_FRAME);

/** The demo with a tee in the cart, `provider` on the element, the email typed. */
export async function braintreeCart(
  browser: Browser,
  shop: Shop,
  {
    provider = 'braintree',
    currency = 'usd',
    width = 1280,
    height = 1000,
    locale,
  }: {
    provider?: string;
    currency?: string;
    width?: number;
    height?: number;
    locale?: string;
  } = {}
): Promise<Page> {
  const page = await openDemoShop(browser, shop, {currency, width, height});
  await addToCart(page, 'Black tee, size M');
  await page.evaluate(
    ({provider, locale}) => {
      const element = document.querySelector('pay-checkout')!;
      if (locale) element.setAttribute('locale', locale);
      element.setAttribute('provider', provider);
    },
    {provider, locale}
  );
  await fillEmail(page, 'braintree@example.com');
  return page;
}

/** Types a card into Drop-in's frame. */
export async function fillDropin(
  page: Page,
  number = '4111111111111111',
  {expiry = '1234', cvv = '123', postalCode = '10557'} = {}
): Promise<void> {
  const frame = dropinFrame(page);
  await frame.locator('#number').fill(number);
  await frame.locator('#expirationDate').fill('');
  await frame.locator('#expirationDate').pressSequentially(expiry);
  await frame.locator('#cvv').fill(cvv);
  await frame.locator('#postalCode').fill(postalCode);
}

/** The Drop-in is on screen (its card frame has its number field). */
export async function dropinShown(page: Page): Promise<void> {
  await checkout(page).locator('.braintree-dropin').waitFor();
  await dropinFrame(page).locator('#number').waitFor();
}

export interface OrderRow {
  id: string;
  status: string;
  provider: string;
  total: number;
  amount_refunded: number;
  provider_payment_id: string | null;
}

export const braintreeOrders = (shop: Shop): OrderRow[] =>
  shop.query<OrderRow>(
    "SELECT id, status, provider, total, amount_refunded, provider_payment_id FROM orders WHERE provider = 'braintree' ORDER BY created_at"
  );

/** Waits (up to 15 s) until the order's row satisfies `ok`. */
export async function untilOrder(
  shop: Shop,
  id: string,
  ok: (row: OrderRow) => boolean
): Promise<OrderRow> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const row = braintreeOrders(shop).find((order) => order.id === id);
    if (row && ok(row)) return row;
    if (Date.now() > deadline)
      throw new Error(`order ${id} is still ${JSON.stringify(row)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The buyer pressed Pay: `pay-success`, then the order's row paid (up to 15 s). */
export async function paidOrder(
  page: Page,
  shop: Shop
): Promise<{success: PayEvent; row: OrderRow}> {
  const success = await waitForEvent(page, 'pay-success');
  const row = await untilOrder(
    shop,
    String(success.detail.orderId),
    (o) => o.status === 'paid'
  );
  return {success, row};
}

/** Counts the page's requests to the server's Braintree sale route (a charge asked for). */
export function countSales(page: Page): () => number {
  let sales = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/braintree/transactions')
      sales++;
  });
  return () => sales;
}
