/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The theme bridge: CSS does not reach into a provider's iframe, so the `--pay-*` tokens the
 * page set are resolved here to plain values (Stripe wants `rgb(…)`, not `var(--brand)` or
 * `oklch(…)`) and handed to the provider's appearance API. The tokens are read through a
 * probe element inside the shadow root, so the element's own defaults (light and dark)
 * resolve exactly as they render.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** The resolved tokens, named after Stripe's Appearance variables. */
interface ThemeTokens {
  colorPrimary: string;
  colorBackground: string;
  colorText: string;
  colorDanger: string;
  colorTextSecondary: string;
  fontFamily: string;
  fontSizeBase: string;
  spacingUnit: string;
  borderRadius: string;
}

export interface ResolvedTheme {
  /** Dark when the resolved background is dark, whatever made it so. */
  scheme: 'light' | 'dark';
  tokens: ThemeTokens;
  /** The more readable of white and near-black on `colorPrimary` (button text). */
  colorOnPrimary: string;
  reducedMotion: boolean;
}

/** Which internal custom property (set in the styles from `--pay-*`) feeds each token. */
const COLOR_TOKENS = {
  colorPrimary: '--_color-primary',
  colorBackground: '--_color-background',
  colorText: '--_color-text',
  colorDanger: '--_color-danger',
  colorTextSecondary: '--_color-text-secondary',
} as const;

let canvasContext: CanvasRenderingContext2D | null | undefined;

/**
 * Converts any CSS colour the browser understands (`oklch()`, `lab()`, `color(display-p3 …)`)
 * to `rgb()`/`rgba()` by painting one pixel. Computed styles already come back as `rgb()` for
 * the classic syntaxes, so the canvas only runs for the modern ones.
 */
function toRgb(color: string): string {
  if (/^rgba?\(/.test(color)) return color;
  canvasContext ??= document
    .createElement('canvas')
    .getContext('2d', {willReadFrequently: true});
  if (!canvasContext) return color;
  canvasContext.clearRect(0, 0, 1, 1);
  canvasContext.fillStyle = color;
  canvasContext.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = canvasContext.getImageData(0, 0, 1, 1)
    .data as unknown as number[];
  return a === 255
    ? `rgb(${r}, ${g}, ${b})`
    : `rgba(${r}, ${g}, ${b}, ${+(a! / 255).toFixed(3)})`;
}

function channels(rgb: string): [number, number, number] {
  const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b];
}

/** WCAG relative luminance of an `rgb()` string. */
function luminance(rgb: string): number {
  const [r, g, b] = channels(rgb).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

const NEAR_BLACK = 'rgb(26, 27, 37)';

/** Reads and resolves the tokens through `probe` (an element inside the shadow root). */
function resolveTheme(probe: HTMLElement): ResolvedTheme {
  const style = getComputedStyle(probe);
  const colors = {} as Record<keyof typeof COLOR_TOKENS, string>;
  for (const [token, property] of Object.entries(COLOR_TOKENS)) {
    // Going through `color` resolves var() chains, light-dark() and currentColor.
    probe.style.color = `var(${property})`;
    colors[token as keyof typeof COLOR_TOKENS] = toRgb(style.color);
  }
  probe.style.color = '';
  const tokens: ThemeTokens = {
    ...colors,
    fontFamily: style.fontFamily,
    // The probe's styles map these tokens onto real properties, so they arrive in px.
    fontSizeBase: style.fontSize,
    spacingUnit: style.paddingLeft,
    borderRadius: style.borderTopLeftRadius,
  };
  const primary = luminance(tokens.colorPrimary);
  const onPrimary =
    contrast(primary, 1) >= contrast(primary, luminance(NEAR_BLACK))
      ? 'rgb(255, 255, 255)'
      : NEAR_BLACK;
  return {
    scheme: luminance(tokens.colorBackground) < 0.2 ? 'dark' : 'light',
    tokens,
    colorOnPrimary: onPrimary,
    reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
  };
}

function sameTheme(a: ResolvedTheme | undefined, b: ResolvedTheme): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Watches what can change the tokens: `style`/`class` on the host, any attribute on `<html>`
 * (`class="dark"`, `data-theme`…), the colour-scheme and reduced-motion media queries. On a
 * change it re-resolves (once per frame) and calls `onChange` only if something differs.
 * Stylesheets swapped without touching those attributes need `refresh()`.
 */
export class ThemeController implements ReactiveController {
  value: ResolvedTheme | undefined;

  private readonly _host: ReactiveControllerHost & HTMLElement;
  private readonly _probe: () => HTMLElement | null;
  private readonly _onChange: (theme: ResolvedTheme) => void;
  private _observer?: MutationObserver;
  private _queries: MediaQueryList[] = [];
  private _pending = false;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    probe: () => HTMLElement | null,
    onChange: (theme: ResolvedTheme) => void
  ) {
    this._host = host;
    this._probe = probe;
    this._onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    // Created here rather than in the constructor, so that constructing the element outside
    // a browser never touches MutationObserver or matchMedia.
    this._observer = new MutationObserver(this._schedule);
    this._observer.observe(this._host, {
      attributes: true,
      attributeFilter: ['style', 'class'],
    });
    this._observer.observe(document.documentElement, {attributes: true});
    this._queries = [
      '(prefers-color-scheme: dark)',
      '(prefers-reduced-motion: reduce)',
    ].map((query) => matchMedia(query));
    for (const list of this._queries)
      list.addEventListener('change', this._schedule);
  }

  hostDisconnected(): void {
    this._observer?.disconnect();
    this._observer = undefined;
    for (const list of this._queries)
      list.removeEventListener('change', this._schedule);
    this._queries = [];
  }

  /** Resolves now; calls `onChange` when the result differs from the last one. */
  refresh(): ResolvedTheme | undefined {
    const probe = this._probe();
    if (!probe) return this.value;
    const next = resolveTheme(probe);
    if (!sameTheme(this.value, next)) {
      this.value = next;
      this._onChange(next);
    }
    return this.value;
  }

  // Several mutations in one task (a class and a style change) resolve once.
  private readonly _schedule = (): void => {
    if (this._pending) return;
    this._pending = true;
    queueMicrotask(() => {
      this._pending = false;
      if (this._observer) this.refresh();
    });
  };
}
