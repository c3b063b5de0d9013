/**
 * `paypal.Buttons({style})`, checked and completed the way the real SDK does (it throws on an
 * unknown color, shape, label or layout, and on a height outside 25–55 px), and the look each
 * choice gives the button. Shared by the SDK (which validates) and the button frame (which draws).
 */
import type {PayPalButtonStyle} from '@paypal/paypal-js';

type ButtonColor = NonNullable<PayPalButtonStyle['color']>;
type ButtonLabel = NonNullable<PayPalButtonStyle['label']>;

export interface ButtonStyle {
  layout: NonNullable<PayPalButtonStyle['layout']>;
  color: ButtonColor;
  shape: NonNullable<PayPalButtonStyle['shape']>;
  label: ButtonLabel;
  height: number;
  /** Pixels; overrides `shape`. */
  borderRadius: number;
  tagline: boolean;
  disableMaxWidth: boolean;
}

const MIN_HEIGHT = 25;
const MAX_HEIGHT = 55;

/** PayPal's button palette: background, hover, text, and whether the wordmark is white. */
export const PALETTE: Record<
  ButtonColor,
  {
    background: string;
    hover: string;
    text: string;
    border: string;
    whiteLogo: boolean;
  }
> = {
  gold: {
    background: '#ffc439',
    hover: '#f2ba36',
    text: '#000000',
    border: '#ffc439',
    whiteLogo: false,
  },
  blue: {
    background: '#0070ba',
    hover: '#003087',
    text: '#ffffff',
    border: '#0070ba',
    whiteLogo: true,
  },
  silver: {
    background: '#eeeeee',
    hover: '#dcdcdc',
    text: '#000000',
    border: '#eeeeee',
    whiteLogo: false,
  },
  white: {
    background: '#ffffff',
    hover: '#f2f2f2',
    text: '#000000',
    border: '#555555',
    whiteLogo: false,
  },
  black: {
    background: '#2c2e2f',
    hover: '#000000',
    text: '#ffffff',
    border: '#2c2e2f',
    whiteLogo: true,
  },
};

/** The words around the PayPal wordmark, and the button's accessible name. */
export const LABELS: Record<
  ButtonLabel,
  {before: string; after: string; name: string}
> = {
  paypal: {before: '', after: '', name: 'PayPal'},
  checkout: {before: '', after: 'Checkout', name: 'PayPal Checkout'},
  buynow: {before: '', after: 'Buy Now', name: 'PayPal Buy Now'},
  pay: {before: 'Pay with', after: '', name: 'Pay with PayPal'},
  installment: {
    before: '',
    after: 'Pay in installments',
    name: 'PayPal Pay in installments',
  },
  subscribe: {before: '', after: 'Subscribe', name: 'PayPal Subscribe'},
  donate: {before: '', after: 'Donate', name: 'PayPal Donate'},
};

const SHAPES = ['rect', 'pill', 'sharp'] as const;
const LAYOUTS = ['vertical', 'horizontal'] as const;

function oneOf<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T
): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) {
    throw new Error(
      `Invalid style.${name}: ${String(value)}. Expected one of ${allowed.join(', ')}.`
    );
  }
  return value as T;
}

export function normalizeStyle(style: PayPalButtonStyle = {}): ButtonStyle {
  const layout = oneOf('layout', style.layout, LAYOUTS, 'vertical');
  const color = oneOf(
    'color',
    style.color,
    Object.keys(PALETTE) as ButtonColor[],
    'gold'
  );
  const shape = oneOf('shape', style.shape, SHAPES, 'rect');
  const label = oneOf(
    'label',
    style.label,
    Object.keys(LABELS) as ButtonLabel[],
    'paypal'
  );
  const height = style.height ?? 45;
  if (
    typeof height !== 'number' ||
    height < MIN_HEIGHT ||
    height > MAX_HEIGHT
  ) {
    throw new Error(
      `Expected style.height to be between ${MIN_HEIGHT}px and ${MAX_HEIGHT}px - got ${String(height)}px`
    );
  }
  const radius = style.borderRadius;
  if (radius !== undefined && (typeof radius !== 'number' || radius < 0)) {
    throw new Error(
      `Expected style.borderRadius to be a positive number - got ${String(radius)}`
    );
  }
  const byShape = shape === 'pill' ? height / 2 : shape === 'sharp' ? 0 : 4;
  return {
    layout,
    color,
    shape,
    label,
    height,
    borderRadius: radius ?? byShape,
    // The tagline belongs to the horizontal layout and is on unless turned off.
    tagline: layout === 'horizontal' && style.tagline !== false,
    disableMaxWidth: style.disableMaxWidth === true,
  };
}

/** The frame's full height: the button, plus the tagline or "Powered by" line under it. */
export function frameHeight(style: ButtonStyle): number {
  const caption = style.layout === 'vertical' || style.tagline ? 22 : 0;
  // Room for the focus ring on every side.
  return style.height + caption + 8;
}
