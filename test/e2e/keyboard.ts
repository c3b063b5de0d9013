/**
 * What the keyboard-only suites need: where the focus is (through shadow roots and into the
 * providers' frames), pressing Tab until a named control has it, and whether the focused
 * control shows a focus indicator a sighted keyboard user can see (WCAG 2.4.7 with 1.4.11's
 * 3:1: an outline or a box-shadow ring whose colour, composited over what lies behind it, has
 * at least 3:1 contrast against that background).
 */
import type {Frame, Page} from 'playwright-core';

export interface Focused {
  /** The path of the frame's document (`/` for the shop, `/elements/payment`, …). */
  frame: string;
  tag: string;
  type: string;
  /** The accessible name, roughly: aria-label, the label's text, or the text. */
  name: string;
  /** Inside <pay-checkout>'s shadow root, or in a provider's frame it hosts. */
  inElement: boolean;
}

/** The frame whose document holds the focus (not an iframe element), and what has it. */
export async function focused(
  page: Page
): Promise<(Focused & {handle: Frame}) | undefined> {
  for (const frame of page.frames()) {
    const found = await frame
      .evaluate(() => {
        if (!document.hasFocus()) return null;
        let node: Element | null = document.activeElement;
        let inElement = false;
        while (node?.shadowRoot?.activeElement) {
          if (node.tagName === 'PAY-CHECKOUT') inElement = true;
          node = node.shadowRoot.activeElement;
        }
        if (!node || node === document.body || node.tagName === 'IFRAME')
          return null;
        const input = node as HTMLInputElement;
        const name =
          node.getAttribute('aria-label') ??
          input.labels?.[0]?.textContent ??
          node.textContent ??
          '';
        return {
          tag: node.tagName,
          type: input.type ?? '',
          name: name.replace(/\s+/g, ' ').trim(),
          inElement: inElement || window !== window.top,
        };
      })
      .catch(() => null);
    if (found)
      return {...found, frame: new URL(frame.url()).pathname, handle: frame};
  }
  return undefined;
}

/**
 * Presses `key` (Tab or Shift+Tab) until the focused control's name matches `name`, at most
 * `limit` times; each stop inside the element is passed to `onStop` (the focus check).
 */
export async function tabTo(
  page: Page,
  name: RegExp,
  {
    key = 'Tab',
    limit = 40,
    onStop,
    everywhere = false,
  }: {
    key?: string;
    limit?: number;
    /** Pass every stop to `onStop`, not only those in the element (a provider's own page). */
    everywhere?: boolean;
    onStop?: (stop: Focused & {handle: Frame}) => Promise<void>;
  } = {}
): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    let stop = await focused(page);
    // The focus may take a moment to land in a frame (the frame asks its document to focus).
    for (let j = 0; !stop && j < 10; j++) {
      await page.waitForTimeout(50);
      stop = await focused(page);
    }
    if (!stop) {
      seen.push('(nothing)');
      continue;
    }
    seen.push(`${stop.frame} ${stop.tag} ${stop.name}`);
    if ((stop.inElement || everywhere) && onStop) await onStop(stop);
    if (name.test(stop.name)) return stop;
  }
  throw new Error(`${key} did not reach ${name}; stops: ${seen.join(' | ')}`);
}

/**
 * tsx (esbuild's keepNames) wraps the named functions below in `__name(…)`, which the page
 * does not have once Playwright sends their source there: give it one that does nothing.
 */
export const KEEP_NAMES = 'globalThis.__name ??= (target) => target; undefined';

export interface FocusIndicator {
  visible: boolean;
  /** What was measured, for the failure message. */
  detail: string;
}

/**
 * Reads the focus indicator of the focused control in `frame`: its own outline or box-shadow
 * or, for a visually hidden radio, its label's (the first of the control and three ancestors
 * that draws one), once transitions have finished. The background is the first opaque one
 * behind the indicator (the parent's, through shadow hosts), composited over white.
 */
export async function focusIndicator(frame: Frame): Promise<FocusIndicator> {
  await frame.evaluate(KEEP_NAMES);
  return frame.evaluate(async () => {
    let node: Element | null = document.activeElement;
    while (node?.shadowRoot?.activeElement)
      node = node.shadowRoot.activeElement;
    if (!node) return {visible: false, detail: 'nothing focused'};
    // Let a focus transition finish (an infinite animation elsewhere must not hold it up).
    await Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a instanceof CSSTransition)
          .map((a) => a.finished.catch(() => {}))
      ),
      new Promise((resolve) => setTimeout(resolve, 600)),
    ]);
    const canvas = document.createElement('canvas').getContext('2d', {
      willReadFrequently: true,
    })!;
    const rgba = (color: string): number[] => {
      canvas.clearRect(0, 0, 1, 1);
      canvas.fillStyle = '#000';
      canvas.fillStyle = color;
      canvas.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!, a! / 255];
    };
    const over = (top: number[], bottom: number[]) =>
      [0, 1, 2].map((i) => top[i]! * top[3]! + bottom[i]! * (1 - top[3]!));
    const parentOf = (el: Element): Element | null =>
      el.parentElement ??
      ((el.getRootNode() as ShadowRoot).host as Element | undefined) ??
      null;
    const backgroundBehind = (el: Element | null): number[] => {
      const layers: number[][] = [];
      for (let at = el; at; at = parentOf(at)) {
        const color = rgba(getComputedStyle(at).backgroundColor);
        if (color[3]! > 0) layers.push(color);
        if (color[3] === 1) break;
      }
      let result = [255, 255, 255];
      for (const layer of layers.reverse()) result = over(layer, result);
      return result;
    };
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    const notes: string[] = [];
    let candidate: Element | null = node;
    for (let depth = 0; candidate && depth < 4; depth++) {
      const style = getComputedStyle(candidate);
      const rect = candidate.getBoundingClientRect();
      const background = backgroundBehind(parentOf(candidate));
      const drawn = rect.width > 2 && rect.height > 2;
      if (
        drawn &&
        style.outlineStyle !== 'none' &&
        parseFloat(style.outlineWidth) >= 1
      ) {
        const color = over(rgba(style.outlineColor), background);
        const ratio = contrast(color, background);
        notes.push(
          `${candidate.tagName}.${candidate.className} outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}: ${ratio.toFixed(2)}:1`
        );
        if (ratio >= 3) return {visible: true, detail: notes.join('; ')};
      }
      if (drawn && style.boxShadow !== 'none') {
        // One shadow per comma outside parentheses: colour, then x y blur spread lengths.
        for (const shadow of style.boxShadow.split(/,(?![^(]*\))/)) {
          const color = /^\s*((?:\w+\([^)]*\))|#\w+|\w+)/.exec(shadow)?.[1];
          const lengths = [...shadow.matchAll(/(-?[\d.]+)px/g)].map((m) =>
            Number(m[1])
          );
          const spread = lengths[3] ?? 0;
          if (!color || spread < 1 || /inset/.test(shadow)) continue;
          const ratio = contrast(over(rgba(color), background), background);
          notes.push(
            `${candidate.tagName}.${candidate.className} ring ${spread}px ${color}: ${ratio.toFixed(2)}:1`
          );
          if (ratio >= 3) return {visible: true, detail: notes.join('; ')};
        }
      }
      if (candidate.tagName === 'PAY-CHECKOUT') break;
      candidate = parentOf(candidate);
    }
    return {
      visible: false,
      detail: `${node.tagName} ${node.getAttribute('aria-label') ?? node.id}: ${notes.join('; ') || 'no outline or ring'}`,
    };
  });
}
