/**
 * The demo shop opened with a tee and a mug in the cart, for the tests that look at every state
 * of the checkout (axe-states, visual-accessibility).
 */
import type {Page} from 'playwright-core';

const CART = {'tee-black-m': 2, 'mug-enamel': 1};

/**
 * Opens the demo at `shopUrl` in `page` with the cart filled; `holdQuote` keeps the first quote
 * back until the returned release is called. The cart's lines are in the element as it is parsed:
 * the demo adds them only once its catalog is in, and an element that connects empty shows no
 * skeleton. Init scripts the caller added before run before this one's.
 */
export async function openDemoWithCart(
  page: Page,
  shopUrl: string,
  {holdQuote = false} = {}
): Promise<() => void> {
  await page.addInitScript((cart) => {
    new MutationObserver((_, observer) => {
      const host = document.querySelector('pay-checkout');
      if (!host) return;
      observer.disconnect();
      for (const [sku, quantity] of Object.entries(cart)) {
        const line = document.createElement('pay-item');
        line.setAttribute('sku', sku);
        line.setAttribute('quantity', String(quantity));
        host.append(line);
      }
    }).observe(document, {childList: true, subtree: true});
  }, CART);
  await page.goto(`${shopUrl}/`);
  await page.evaluate((cart) => {
    localStorage.clear();
    localStorage.setItem('demo-cart', JSON.stringify(cart));
  }, CART);
  let release = () => {};
  if (holdQuote) {
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname === '/api/quote',
      async (route) => {
        await held;
        await route.continue();
      },
      {times: 1}
    );
  }
  await page.reload();
  return release;
}
