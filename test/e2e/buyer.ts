/**
 * A buyer on the demo shop, as steps the end-to-end suites share: open the shop with an empty
 * cart, add products, edit the cart in <pay-checkout editable>, type a discount code, fill the
 * shipping address (the element's own form, or Stripe's Address Element in its frame), pick a
 * rate, fill the card, and wait for the element's events.
 */
import type {Browser, Page} from 'playwright-core';
import type {TypedAddress} from './addresses.js';
import type {Shop} from './shop.js';

export const CARD_FRAME = 'iframe[title="Secure payment input frame"]';
/** Stripe's Address Element, in its own frame like the Payment Element's. */
export const ADDRESS_FRAME = 'iframe[title="Secure address input frame"]';

export interface PayEvent {
  type: string;
  detail: Record<string, unknown>;
}

/**
 * The demo shop with an empty cart in `currency`; every page of the tab records the element's
 * events in `window.payEvents` (the shop, and the return page after a redirect).
 */
export async function openDemoShop(
  browser: Browser,
  shop: Shop,
  {currency = 'usd', width = 1280, height = 1000} = {}
): Promise<Page> {
  const page = await browser.newPage({viewport: {width, height}});
  page.on('pageerror', (error) => console.error('page error:', error.stack));
  // The demo's pages carry the strict policy `pay-checkout-server csp` prints: whatever the
  // checkout adds (the address form, its frames, PayPal's window) must fit in it.
  const violations: string[] = [];
  VIOLATIONS.set(page, violations);
  const quotes = {inFlight: 0, lastAt: Date.now()};
  QUOTES.set(page, quotes);
  const isQuote = (url: string) => new URL(url).pathname === '/api/quote';
  page.on('request', (request) => {
    if (isQuote(request.url())) quotes.inFlight++;
  });
  const finished = (request: {url(): string}) => {
    if (!isQuote(request.url())) return;
    quotes.inFlight--;
    quotes.lastAt = Date.now();
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  await page.exposeBinding('reportViolation', (source, text: string) =>
    violations.push(`${source.frame.url()}: ${text}`)
  );
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      (
        window as unknown as {reportViolation(text: string): void}
      ).reportViolation(`${event.effectiveDirective} ${event.blockedURI}`)
    )
  );
  await page.addInitScript(() => {
    const events: {type: string; detail: unknown}[] = [];
    (window as unknown as {payEvents: typeof events}).payEvents = events;
    for (const type of [
      'pay-ready',
      'pay-change',
      'pay-submit',
      'pay-success',
      'pay-error',
      'pay-cancel',
    ]) {
      document.addEventListener(type, (event) =>
        events.push({
          type,
          detail: JSON.parse(JSON.stringify((event as CustomEvent).detail)),
        })
      );
    }
  });
  await page.goto(`${shop.url}/`);
  await page.evaluate((currency) => {
    localStorage.clear();
    localStorage.setItem('demo-currency', currency);
  }, currency);
  await page.reload();
  return page;
}

const VIOLATIONS = new WeakMap<Page, string[]>();
const QUOTES = new WeakMap<Page, {inFlight: number; lastAt: number}>();

/** The Content Security Policy violations in the page and its frames so far. */
export const cspViolations = (page: Page): string[] => [
  ...(VIOLATIONS.get(page) ?? []),
];

export const checkout = (page: Page) => page.locator('pay-checkout');

/**
 * The shop's answer to the next create at `path` (`/api/stripe/checkout-sessions`, …), read as
 * it passes through: a redirect right after it would leave nothing to read in the browser.
 */
export async function nextCreate<T>(
  page: Page,
  path: string
): Promise<() => Promise<T>> {
  let answered!: (body: T) => void;
  const body = new Promise<T>((resolve) => (answered = resolve));
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      const response = await route.fetch();
      answered((await response.json()) as T);
      await route.fulfill({response});
    },
    {times: 1}
  );
  return () =>
    Promise.race([
      body,
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`no POST ${path} within 30 s`)),
          30_000
        ).unref()
      ),
    ]);
}

export async function addToCart(page: Page, name: string) {
  await page.getByRole('button', {name: `Add to cart: ${name}`}).click();
}

/** The events recorded so far on this page. */
export function events(page: Page): Promise<PayEvent[]> {
  return page.evaluate(
    () => (window as unknown as {payEvents: PayEvent[]}).payEvents
  );
}

/** The `count`-th event of `type` (waiting up to 30 s for it). */
export async function waitForEvent(
  page: Page,
  type: string,
  count = 1
): Promise<PayEvent> {
  try {
    await page.waitForFunction(
      ([name, n]) =>
        (window as unknown as {payEvents: PayEvent[]}).payEvents.filter(
          (event) => event.type === name
        ).length >= (n as number),
      [type, count] as const,
      {timeout: 30_000}
    );
  } catch (error) {
    const seen = (await events(page).catch(() => []))
      .filter((event) => event.type !== 'pay-change')
      .map(
        (event) => `${event.type} ${JSON.stringify(event.detail).slice(0, 160)}`
      );
    throw new Error(`no ${type} within 30 s; events: ${seen.join(' / ')}`, {
      cause: error,
    });
  }
  return (await events(page)).filter((event) => event.type === type)[
    count - 1
  ]!;
}

/** How many events of `type` were recorded so far. */
export async function countEvents(page: Page, type: string): Promise<number> {
  return (await events(page)).filter((event) => event.type === type).length;
}

/** The buyer presses a line's + button in the element's stepper (`editable`). */
export async function increaseQuantity(page: Page, name: string) {
  // While a quote is on its way the stepper is disabled: a click then would be lost.
  await settled(page);
  await checkout(page)
    .getByRole('button', {name: `Increase quantity of ${name}`})
    .click();
}

/** The buyer types a line's quantity into the element's stepper (`editable`). */
export async function setQuantity(page: Page, name: string, quantity: number) {
  const field = checkout(page).getByRole('spinbutton', {
    name: `Quantity of ${name}`,
  });
  await field.fill(String(quantity));
  await field.press('Enter');
}

/** Opens the element's discount field (`discount-codes`), types a code and applies it. */
export async function applyCode(page: Page, code: string) {
  await settled(page);
  const element = checkout(page);
  const toggle = element.getByRole('button', {name: 'Have a discount code?'});
  if ((await toggle.getAttribute('aria-expanded')) !== 'true')
    await toggle.click();
  await element.getByRole('textbox', {name: 'Discount code'}).fill(code);
  await element.getByRole('button', {name: 'Apply'}).click();
}

export async function fillEmail(page: Page, email: string) {
  await checkout(page)
    .getByRole('textbox', {name: /^E-?mail/i})
    .fill(email);
}

/** The element's own address form (everywhere but Stripe's card form, which has Stripe's). */
export async function fillAddressForm(page: Page, address: TypedAddress) {
  const form = checkout(page).getByRole('group', {name: 'Shipping address'});
  await form.getByRole('textbox', {name: 'Full name'}).fill(address.name);
  await form
    .getByRole('combobox', {name: 'Country or region'})
    .selectOption(address.country);
  await form.getByRole('textbox', {name: 'Address line 1'}).fill(address.line1);
  await form.getByRole('textbox', {name: 'City'}).fill(address.city);
  if (address.regionName) {
    await form
      .getByRole('combobox', {name: /^(State|Province)/})
      .selectOption(address.region!);
  }
  const postal = form.getByRole('textbox', {name: /^(ZIP|Postal) code/});
  await postal.fill(address.postalCode);
  await postal.blur();
}

/** Stripe's Address Element (the emulator's, in its frame), beside Stripe's card form. */
export async function fillStripeAddress(page: Page, address: TypedAddress) {
  const frame = page.frameLocator(ADDRESS_FRAME);
  await frame.getByRole('textbox', {name: /^Full name/}).fill(address.name);
  await frame
    .getByRole('combobox', {name: /^Country/})
    .selectOption(address.country);
  await frame
    .getByRole('textbox', {name: /^Address line 1/})
    .fill(address.line1);
  await frame.getByRole('textbox', {name: /^City/}).fill(address.city);
  if (address.regionName) {
    await frame
      .getByRole('combobox', {name: /^(State|Province)/})
      .selectOption(address.region!);
  }
  const postal = frame.getByRole('textbox', {name: /^(ZIP|Postal) code/});
  await postal.fill(address.postalCode);
  await postal.blur();
}

/**
 * Waits until no quote is on its way: none asked for 300 ms, and the summary not `aria-busy`
 * (a Pay or PayPal click while the element is quoting is not taken).
 */
export async function settled(page: Page) {
  const quotes = QUOTES.get(page);
  const deadline = Date.now() + 15_000;
  while (
    quotes &&
    (quotes.inFlight > 0 || Date.now() - quotes.lastAt < 300) &&
    Date.now() < deadline
  )
    await page.waitForTimeout(50);
  await checkout(page)
    .locator('[part~="summary"][aria-busy="false"]')
    .waitFor({timeout: 15_000});
}

/**
 * Picks a shipping rate by its name ("Express") in the element's rate choice, once the quote
 * for the address is in (a quote asked before the choice would put the cheapest back), and
 * until the element's quote keeps it.
 */
export async function chooseRate(page: Page, name: string) {
  const radio = checkout(page)
    .getByRole('group', {name: 'Shipping method'})
    .getByRole('radio', {name: new RegExp(`^${escapeRegExp(name)}\\b`)});
  const deadline = Date.now() + 15_000;
  for (;;) {
    await settled(page);
    if (await radio.isChecked()) return;
    if (Date.now() > deadline)
      throw new Error(`the rate ${name} did not stay chosen`);
    await radio.click();
    await page.waitForTimeout(200);
  }
}

export async function fillCard(page: Page, number = '4242424242424242') {
  const frame = page.frameLocator(CARD_FRAME);
  await frame.locator('[name=number]').fill(number);
  await frame.locator('[name=expiry]').fill('12 / 34');
  await frame.locator('[name=cvc]').fill('123');
  await frame.locator('[name=postalCode]').fill('10557');
}

export const payButton = (page: Page) =>
  // "Pay $25.00", not Drop-in's "PayPal" button.
  checkout(page).getByRole('button', {name: /^Pay\b/});

/**
 * Presses Pay the way a buyer does: it is on screen first. Clicked right after Playwright's
 * own scroll, with the focus still in the card's frame, the page sometimes scrolls back and
 * the click lands on the frame instead (NOTES.md: a click on Pay right after the scroll to it
 * was lost); so scroll, wait until the button stays put, then click.
 */
export async function clickPay(page: Page, button = payButton(page)) {
  await settled(page);
  await button.scrollIntoViewIfNeeded();
  let last = '';
  for (let i = 0; i < 20; i++) {
    const box = JSON.stringify(await button.boundingBox());
    if (box === last) break;
    last = box;
    await page.waitForTimeout(100);
  }
  await button.click();
}

/** The text of one summary row (`part`: subtotal, discount, shipping-cost, tax, total, included-tax). */
export async function summaryRow(page: Page, part: string): Promise<string> {
  const row = checkout(page).locator(`[part~="${part}"]`).first();
  return ((await row.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the summary's `part` row (total, subtotal, discount, …) shows `text`. */
export async function waitForRow(page: Page, part: string, text: string) {
  await checkout(page)
    .locator(`[part~="${part}"]`)
    .filter({hasText: text})
    .first()
    .waitFor({timeout: 15_000});
}

/** Waits until the summary's total row shows `text` (the quote for what the buyer chose). */
export const waitForTotal = (page: Page, text: string) =>
  waitForRow(page, 'total', text);

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** PayPal's button: an iframe on the emulator's origin inside the element's light-DOM slot. */
export const paypalButton = (page: Page) =>
  page
    .frameLocator('pay-checkout [slot="paypal-buttons"] iframe[title="PayPal"]')
    .getByRole('button', {name: 'Pay with PayPal'});

/** Presses PayPal's button once the quote is in and the button enabled; resolves with PayPal's window. */
export async function clickPaypal(page: Page): Promise<Page> {
  await settled(page);
  // PayPal's button frame has drawn its button (the element makes the buttons' node `inert`
  // while a quote is on its way; settled() waited for that).
  await page
    .frameLocator('pay-checkout [slot="paypal-buttons"] iframe[title="PayPal"]')
    .locator('button[aria-disabled="false"]')
    .waitFor({timeout: 15_000});
  const frame = page.locator(
    'pay-checkout [slot="paypal-buttons"] iframe[title="PayPal"]'
  );
  let last = '';
  for (let i = 0; i < 20; i++) {
    const box = JSON.stringify(await frame.boundingBox());
    if (box === last) break;
    last = box;
    await page.waitForTimeout(100);
  }
  const popup = page.waitForEvent('popup', {timeout: 30_000});
  popup.catch(() => {});
  try {
    await paypalButton(page).click({timeout: 20_000});
    return await popup;
  } catch (error) {
    // Say what the element did instead: its events and its messages.
    const seen = (await events(page))
      .filter((event) => event.type !== 'pay-change')
      .map(
        (event) => `${event.type} ${JSON.stringify(event.detail).slice(0, 200)}`
      );
    const messages = await checkout(page)
      .locator('[part~="message"]')
      .allTextContents();
    await page.screenshot({
      path: '/tmp/e2e-paypal-no-window.png',
      fullPage: true,
    });
    throw new Error(
      `PayPal's window did not open\nevents: ${seen.join('\n')}\nmessages: ${messages.join(' | ').replace(/\s+/g, ' ')}`,
      {cause: error}
    );
  }
}

export interface CreatedIntent {
  orderId: string;
  orderToken: string;
  clientSecret: string;
}

/** Fills 4242 and pays with Stripe's Payment Element; resolves with the shop's create answer. */
export async function payWithCard(page: Page): Promise<CreatedIntent> {
  await fillCard(page);
  const answer = await nextCreate<CreatedIntent>(
    page,
    '/api/stripe/payment-intents'
  );
  await clickPay(page);
  const created = await answer();
  await waitForEvent(page, 'pay-success');
  return created;
}
