/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The theme bridge's PayPal half. PayPal's buttons take no colours or fonts, only a few fixed
 * choices, so the resolved `--pay-*` tokens are mapped to the nearest ones. Part of the lazily
 * loaded PayPal chunk; it reads the tokens the element already resolved and imports nothing
 * at runtime.
 */
import type {PayPalButtonStyle} from '@paypal/paypal-js';
import type {ResolvedTheme} from '../theme.js';

/** PayPal's limits for `height` (px). */
const MIN_HEIGHT = 25;
const MAX_HEIGHT = 55;
/** A corner radius this large (or half the height, if less) reads as a pill. */
const PILL_RADIUS = 20;
/** Below this chroma (0–1) a colour is a grey: black, white or anything between. */
const GREY_CHROMA = 0.2;
/** Hues (degrees) that PayPal's blue button sits well with: cyan-blue through pure blue. */
const BLUE_HUES = [185, 240] as const;

function px(value: string, fallback: number): number {
  const number = Number.parseFloat(value);
  return Number.isFinite(number) ? number : fallback;
}

/** Chroma (0–1) and hue (degrees, NaN for greys) of an `rgb()`/`rgba()` string. */
function chromaAndHue(rgb: string): {chroma: number; hue: number} {
  const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? [])
    .slice(0, 3)
    .map((v) => Number(v) / 255);
  const max = Math.max(r, g, b);
  const chroma = max - Math.min(r, g, b);
  if (chroma === 0) return {chroma, hue: Number.NaN};
  const sector =
    max === r
      ? ((g - b) / chroma + 6) % 6
      : max === g
        ? (b - r) / chroma + 2
        : (r - g) / chroma + 4;
  return {chroma, hue: sector * 60};
}

/**
 * PayPal's five colours, chosen from the brand colour and the background:
 *
 * - a monochrome brand (`--pay-color-primary` is a grey, black or white) gets a monochrome
 *   button that stands out from the background: `black` on a light page, `white` on a dark one;
 * - a blue brand (hue 185°–240°: cyan-blue to pure blue, not indigo or violet) gets `blue`;
 * - any other brand gets `gold`, PayPal's recommended colour (the defaults included).
 */
function paypalColor(
  theme: ResolvedTheme
): NonNullable<PayPalButtonStyle['color']> {
  const {chroma, hue} = chromaAndHue(theme.tokens.colorPrimary);
  if (chroma < GREY_CHROMA) return theme.scheme === 'dark' ? 'white' : 'black';
  if (hue >= BLUE_HUES[0] && hue <= BLUE_HUES[1]) return 'blue';
  return 'gold';
}

/**
 * The buttons' `style` from the resolved tokens:
 *
 * - `height`: the element's own Pay button height (24 spacing units, or the line plus its
 *   padding if taller), clamped to PayPal's 25–55 px, so switching between Card and PayPal
 *   does not move the page;
 * - `shape`: `sharp` for `--pay-border-radius: 0`, `pill` from 20 px (or half the height),
 *   `rect` between; `borderRadius` passes the radius itself where the SDK supports it;
 * - `color`: see {@link paypalColor};
 * - always `layout: 'vertical'`, `label: 'pay'`, `tagline: false`.
 */
export function paypalStyle(theme: ResolvedTheme): PayPalButtonStyle {
  const {tokens} = theme;
  const fontSize = px(tokens.fontSizeBase, 16);
  const unit = px(tokens.spacingUnit, 2);
  const radius = Math.max(0, px(tokens.borderRadius, 6));
  const height = Math.min(
    MAX_HEIGHT,
    Math.max(
      MIN_HEIGHT,
      Math.round(Math.max(unit * 24, fontSize * 1.5 + unit * 12))
    )
  );
  const shape =
    radius === 0
      ? 'sharp'
      : radius >= Math.min(PILL_RADIUS, height / 2)
        ? 'pill'
        : 'rect';
  return {
    layout: 'vertical',
    label: 'pay',
    tagline: false,
    color: paypalColor(theme),
    shape,
    borderRadius: Math.min(Math.round(radius), Math.floor(height / 2)),
    height,
  };
}
