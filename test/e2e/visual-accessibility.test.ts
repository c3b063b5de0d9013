/**
 * The look, for every buyer (issue 14.3; WCAG 1.4.4, 1.4.10, 2.5.8, 2.3.3, 1.4.11 in forced
 * colours): the demo shop's checkout with a cart that ships abroad (the long "International"
 * rates), checked
 * - at 320 CSS px wide, and at 200 % zoom: a 1280 × 1000 window zoomed to 200 % lays out in a
 *   640 × 500 CSS px viewport with two device pixels to the CSS pixel, which is what a 640 × 500
 *   viewport with `deviceScaleFactor: 2` gives (media queries, `vw` and the frames' widths
 *   respond as they do to the browser's zoom; CSS `zoom` on the page would not change the
 *   viewport the media queries see). Nothing scrolls sideways, nothing in the element is cut
 *   by an overflow or sticks out of its card, a rate's name breaks between words only;
 * - every interactive target in the element and its frames at least 24 × 24 CSS px (2.5.8);
 * - `prefers-reduced-motion: reduce`: no transition or animation longer than 10 ms on the
 *   element's parts (skeleton, Pay's spinner) nor in Stripe's frames, where without it some
 *   run;
 * - `forced-colors: active`: the controls' borders drawn in system colours, and the focus an
 *   outline in one (box-shadows are dropped in that mode).
 *
 *   node --import tsx --test test/e2e/visual-accessibility.test.ts
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Frame, Page} from 'playwright-core';
import {checkout, settled} from './buyer.js';
import {openDemoWithCart} from './demo-cart.js';
import {KEEP_NAMES, tabTo} from './keyboard.js';
import {pressPayByPart} from './page.js';
import {shopAndBrowserPerSuite} from './shop.js';

const CARD = 'iframe[src*="/elements/payment"]';
const ADDRESS = 'iframe[src*="/elements/address"]';

interface OpenOptions {
  width?: number;
  height?: number;
  deviceScaleFactor?: number;
  reducedMotion?: 'reduce' | 'no-preference';
  forcedColors?: 'active' | 'none';
  holdQuote?: boolean;
}

describe('the checkout’s look for every buyer', {timeout: 180_000}, () => {
  const suite = shopAndBrowserPerSuite();

  /** The demo with a tee and a mug in the cart; `holdQuote` keeps the first quote back. */
  async function open(options: OpenOptions = {}) {
    const page = await suite.browser.newPage({
      viewport: {width: options.width ?? 1280, height: options.height ?? 1000},
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
      reducedMotion: options.reducedMotion ?? 'no-preference',
      forcedColors: options.forcedColors ?? 'none',
    });
    page.on('pageerror', (error) => console.error('page error:', error.stack));
    const release = await openDemoWithCart(page, suite.shop.url, {
      holdQuote: options.holdQuote,
    });
    await page.evaluate(KEEP_NAMES);
    return {page, release};
  }

  /** PayPal chosen (the element's own address form), shipping to Norway: the world's rates. */
  async function shipAbroad(page: Page) {
    const form = checkout(page);
    await form.locator('[part~="total"]').waitFor();
    await form.locator('.provider__input[value="paypal"]').check();
    await form.locator('#shipping-name').fill('Ada Lovelace');
    await form.locator('#shipping-country').selectOption('NO');
    await form.locator('#shipping-line1').fill('Karl Johans gate 1');
    await form.locator('#shipping-city').fill('Oslo');
    await form.locator('#shipping-postalCode').fill('0154');
    await form.locator('#shipping-postalCode').blur();
    await form
      .locator('[part~="shipping-rate"]')
      .filter({hasText: 'International express'})
      .waitFor();
    await settled(page);
  }

  /** What scrolls sideways, what an overflow cuts, what leaves the card, what breaks a word. */
  function layoutProblems(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const problems: string[] = [];
      const html = document.documentElement;
      if (html.scrollWidth > html.clientWidth)
        problems.push(
          `the page scrolls sideways: ${html.scrollWidth} > ${html.clientWidth}`
        );
      const root = document.querySelector('pay-checkout')!.shadowRoot!;
      const card = root
        .querySelector('[part~="base"]')!
        .getBoundingClientRect();
      const name = (node: Element) =>
        `${node.tagName.toLowerCase()}.${String(node.className).trim().replace(/\s+/g, '.')}`;
      for (const node of [
        ...root.querySelectorAll('*'),
        ...document.querySelectorAll('pay-checkout > *'),
      ]) {
        const style = getComputedStyle(node);
        const box = node.getBoundingClientRect();
        if (!box.width || style.visibility === 'hidden') continue;
        // An sr-only text is clipped on purpose (1 px, clip-path).
        if (box.width <= 1 && box.height <= 1) continue;
        if (
          ['hidden', 'clip', 'auto', 'scroll'].includes(style.overflowX) &&
          node.scrollWidth > node.clientWidth + 1
        )
          problems.push(
            `${name(node)} cuts its content: ${node.scrollWidth} > ${node.clientWidth}`
          );
        if (box.left < card.left - 1 || box.right > card.right + 1)
          problems.push(
            `${name(node)} ${Math.round(box.left)}..${Math.round(box.right)} outside the card ${Math.round(card.left)}..${Math.round(card.right)}`
          );
      }
      // A word laid on two lines has two boxes.
      for (const rateName of root.querySelectorAll('.rate__name')) {
        // Lit puts comment markers beside the text: walk the text nodes themselves.
        const walker = document.createTreeWalker(
          rateName,
          NodeFilter.SHOW_TEXT
        );
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          for (const match of (text.textContent ?? '').matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            const lines = new Set(
              [...range.getClientRects()]
                .filter((rect) => rect.width > 0)
                .map((rect) => Math.round(rect.top))
            );
            if (lines.size > 1)
              problems.push(
                `the rate name "${rateName.textContent!.trim()}" breaks "${match[0]}" over ${lines.size} lines`
              );
          }
        }
      }
      // The check above has words to look at.
      if (!root.querySelector('.rate__name')?.textContent?.trim())
        problems.push('no rate name to check');
      return problems;
    });
  }

  for (const [label, options] of [
    ['at 320 CSS px wide', {width: 320, height: 900}],
    [
      'at 200 % zoom (640 × 500 CSS px, two device pixels to one)',
      {width: 640, height: 500, deviceScaleFactor: 2},
    ],
  ] as const) {
    it(`${label}: no sideways scroll, nothing cut or outside the card, rate names whole`, async () => {
      const {page} = await open(options);
      await shipAbroad(page);
      const problems = await layoutProblems(page);
      // Nor does a provider's frame scroll sideways inside.
      for (const frame of page.frames().slice(1)) {
        const [scroll, client] = await frame.evaluate(() => [
          document.documentElement.scrollWidth,
          document.documentElement.clientWidth,
        ]);
        if (scroll! > client!)
          problems.push(
            `${new URL(frame.url()).pathname} scrolls sideways: ${scroll} > ${client}`
          );
      }
      await checkout(page).screenshot({
        path: `/tmp/visual-${options.width}.png`,
      });
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  /**
   * The interactive targets under 24 × 24 CSS px: in the shop's page those of the element (its
   * shadow root and its light-DOM nodes), in a frame all of them.
   */
  async function smallTargets(frame: Frame): Promise<string[]> {
    await frame.evaluate(KEEP_NAMES);
    return frame.evaluate(() => {
      const selector =
        'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';
      const host = document.querySelector('pay-checkout');
      const nodes =
        window === window.top
          ? [
              ...host!.shadowRoot!.querySelectorAll<HTMLElement>(selector),
              ...host!.querySelectorAll<HTMLElement>(selector),
            ]
          : [...document.querySelectorAll<HTMLElement>(selector)];
      const small: string[] = [];
      for (const node of nodes) {
        if (getComputedStyle(node).display === 'none') continue;
        // A visually hidden radio or checkbox: its label is what one presses.
        const input = node as HTMLInputElement;
        const target =
          input.type === 'radio' || input.type === 'checkbox'
            ? (node.closest('label') ?? node)
            : node;
        const box = target.getBoundingClientRect();
        if (!box.width && !box.height) continue;
        if (box.width < 24 || box.height < 24)
          small.push(
            `${node.tagName.toLowerCase()} ${node.getAttribute('aria-label') ?? node.id} ${box.width.toFixed(1)} × ${box.height.toFixed(1)}`
          );
      }
      return small;
    });
  }

  async function allSmallTargets(page: Page) {
    const found: string[] = [];
    for (const frame of page.frames()) {
      const path = new URL(frame.url()).pathname;
      found.push(
        ...(await smallTargets(frame)).map((target) => `${path}: ${target}`)
      );
    }
    return found;
  }

  it('every target in the element and its frames is at least 24 × 24 CSS px', async () => {
    const {page} = await open();
    const form = checkout(page);
    await form.locator('[part~="total"]').waitFor();
    await page.frameLocator(CARD).locator('[name=number]').waitFor();
    await form.locator('[part~="discount-toggle"]').click();
    await form.locator('[part~="discount-input"]').waitFor();
    const found = await allSmallTargets(page);
    await form.locator('[part~="discount-input"]').fill('WELCOME10');
    await form.locator('[part~="discount-apply"]').click();
    await form.locator('[part~="discount-remove"]').waitFor();
    await shipAbroad(page);
    found.push(...(await allSmallTargets(page)));
    assert.deepEqual([...new Set(found)], []);
    await page.close();
  });

  /** Transitions and animations longer than 10 ms in the element (and slotted nodes). */
  async function motion(frame: Frame): Promise<string[]> {
    await frame.evaluate(KEEP_NAMES);
    return frame.evaluate(() => {
      const host = document.querySelector('pay-checkout');
      const nodes = host
        ? [
            host,
            ...host.shadowRoot!.querySelectorAll('*'),
            ...host.querySelectorAll('*'),
          ]
        : [...document.querySelectorAll('*')];
      const seconds = (list: string) =>
        Math.max(
          ...list
            .split(',')
            .map((value) =>
              value.trim().endsWith('ms')
                ? parseFloat(value) / 1000
                : parseFloat(value)
            )
        );
      const moving: string[] = [];
      for (const node of nodes) {
        const style = getComputedStyle(node);
        const transition =
          style.transitionProperty !== 'none' &&
          seconds(style.transitionDuration);
        const animation =
          style.animationName !== 'none' && seconds(style.animationDuration);
        const what = `${node.tagName.toLowerCase()}.${String(node.className).trim().split(/\s+/)[0]}`;
        if (transition && transition > 0.01)
          moving.push(`${what} transition ${style.transitionDuration}`);
        if (animation && animation > 0.01)
          moving.push(`${what} animation ${style.animationName}`);
      }
      return moving;
    });
  }

  async function allMotion(page: Page): Promise<string[]> {
    const found: string[] = [];
    for (const frame of page.frames()) {
      const path = new URL(frame.url()).pathname;
      found.push(
        ...(await motion(frame)).map((moving) => `${path}: ${moving}`)
      );
    }
    return [...new Set(found)];
  }

  for (const reducedMotion of ['no-preference', 'reduce'] as const) {
    it(`prefers-reduced-motion: ${reducedMotion}: ${reducedMotion === 'reduce' ? 'nothing moves' : 'the skeleton, the spinner and the fields move'}`, async () => {
      const {page, release} = await open({reducedMotion, holdQuote: true});
      const form = checkout(page);
      await form.locator('.skeleton__bar').first().waitFor();
      const found = await allMotion(page);
      release();
      await form.locator('[part~="total"]').waitFor();
      await page.frameLocator(CARD).locator('[name=number]').waitFor();
      found.push(...(await allMotion(page)));
      // Pay's spinner, while the payment is created (held back here).
      let create = () => {};
      const held = new Promise<void>((resolve) => (create = resolve));
      await page.route(
        (url) => url.pathname === '/api/stripe/payment-intents',
        async (route) => {
          await held;
          await route.continue();
        }
      );
      await form.locator('[part~="email-input"]').fill('motion@example.com');
      const address = page.frameLocator(ADDRESS);
      await address.locator('[name=name]').fill('Ada Lovelace');
      await address.locator('[name=line1]').fill('1 Market St');
      await address.locator('[name=city]').fill('San Francisco');
      await address.locator('[name=state]').selectOption('CA');
      await address.locator('[name=postal_code]').fill('94110');
      const card = page.frameLocator(CARD);
      await card.locator('[name=number]').fill('4242424242424242');
      await card.locator('[name=expiry]').fill('12 / 34');
      await card.locator('[name=cvc]').fill('123');
      await card.locator('[name=postalCode]').fill('94110');
      await pressPayByPart(page);
      await form.locator('[part~="spinner"]').waitFor();
      found.push(...(await allMotion(page)));
      const unique = [...new Set(found)];
      create();
      if (reducedMotion === 'reduce') assert.deepEqual(unique, []);
      else {
        // The check sees motion where there is some.
        assert.ok(
          unique.some((line) => /skeleton__bar animation/.test(line)),
          unique.join('\n')
        );
        for (const moving of [
          /: span\.spinner animation/,
          /\/elements\/payment: input\.Input transition/,
        ])
          assert.ok(
            unique.some((line) => moving.test(line)),
            unique.join('\n')
          );
      }
      await page.close();
    });
  }

  it('forced-colors: active: borders in system colours, and the focus an outline', async () => {
    const {page} = await open({forcedColors: 'active'});
    const form = checkout(page);
    await form.locator('[part~="total"]').waitFor();
    await page.frameLocator(CARD).locator('[name=number]').waitFor();
    const borders = await page.evaluate(() => {
      const root = document.querySelector('pay-checkout')!.shadowRoot!;
      const probe = document.createElement('span');
      document.body.append(probe);
      const system = new Set(
        [
          'Canvas',
          'CanvasText',
          'ButtonText',
          'ButtonFace',
          'ButtonBorder',
          'Field',
          'FieldText',
          'Highlight',
          'HighlightText',
          'GrayText',
          'LinkText',
        ].map((name) => {
          probe.style.color = name;
          return getComputedStyle(probe).color;
        })
      );
      probe.remove();
      return [
        '[part~="submit-button"]',
        '[part~="stepper"]',
        '[part~="email-input"]',
        '[part~="discount-toggle"]',
        '[part~="provider-tab"]',
        '[part~="provider-tab-checked"]',
      ].map((selector) => {
        const node = root.querySelector(selector);
        if (!node) return `${selector}: missing`;
        const style = getComputedStyle(node);
        const drawn =
          style.borderTopStyle !== 'none' &&
          parseFloat(style.borderTopWidth) >= 1;
        // A link-like toggle draws no border: its text and underline are its edge.
        if (!drawn && selector === '[part~="discount-toggle"]')
          return system.has(style.color)
            ? `${selector}: ok`
            : `${selector}: text ${style.color} not a system colour`;
        if (!drawn) return `${selector}: no border`;
        return system.has(style.borderTopColor)
          ? `${selector}: ok`
          : `${selector}: border ${style.borderTopColor} not a system colour (${[...system].join(' ')})`;
      });
    });
    assert.deepEqual(
      borders.filter((line) => !line.endsWith(': ok')),
      [],
      borders.join('\n')
    );
    // The focus, reached by Tab (as :focus-visible is): an outline, not the dropped ring.
    const outlines: string[] = [];
    const onStop = async (stop: {handle: Frame; name: string}) => {
      const outline = await stop.handle.evaluate(() => {
        let node: Element | null = document.activeElement;
        while (node?.shadowRoot?.activeElement)
          node = node.shadowRoot.activeElement;
        // The visually hidden radio shows its focus on its label.
        const shown =
          (node as HTMLInputElement).type === 'radio'
            ? node!.closest('label')!
            : node!;
        const style = getComputedStyle(shown);
        return `${style.outlineStyle} ${parseFloat(style.outlineWidth)}`;
      });
      outlines.push(`${stop.name}: ${outline}`);
    };
    await tabTo(page, /^Email/, {onStop, limit: 30});
    await tabTo(page, /^Card$/, {onStop});
    await tabTo(page, /^Card number$/, {onStop, limit: 12});
    assert.deepEqual(
      outlines.filter((line) => !/: (solid|auto) [2-9]/.test(line)),
      [],
      outlines.join('\n')
    );
    await page.close();
  });
});
