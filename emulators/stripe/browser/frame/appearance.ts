/**
 * The Appearance API inside the frame: a theme's defaults, then the merchant's `variables` as
 * CSS custom properties on the root, then `rules` as a stylesheet. Everything goes through the
 * CSSOM (`setProperty`, `insertRule`) so a value can never break out of its declaration, and
 * `url()` is refused so a theme cannot make the card form fetch anything.
 */
import type {Appearance} from '@stripe/stripe-js';

type Variables = NonNullable<Appearance['variables']>;

/** The variables the frame's stylesheet reads, each as `--kebab-case`. */
const SUPPORTED: Array<keyof Variables> = [
  'colorPrimary',
  'colorBackground',
  'colorText',
  'colorDanger',
  'colorTextSecondary',
  'colorTextPlaceholder',
  'fontFamily',
  'fontSizeBase',
  'spacingUnit',
  'borderRadius',
];

// Close to Stripe's own three themes; `--input-*` are not Appearance variables, only the
// themes' way of telling bordered (stripe, night) from filled (flat) inputs apart.
const LIGHT: Record<string, string> = {
  colorPrimary: '#0570de',
  colorBackground: '#ffffff',
  colorText: '#30313d',
  colorDanger: '#df1b41',
  colorTextSecondary: '#6d6e78',
  colorTextPlaceholder: '#75757f',
};

const THEMES: Record<
  NonNullable<Appearance['theme']>,
  Record<string, string>
> = {
  stripe: {
    ...LIGHT,
    '--input-background': 'var(--color-background)',
    '--input-border': '#e6e6e6',
  },
  night: {
    colorPrimary: '#0570de',
    colorBackground: '#30313d',
    colorText: '#ffffff',
    colorDanger: '#fe87a1',
    colorTextSecondary: '#c9cace',
    colorTextPlaceholder: '#a9a9b0',
    '--input-background': '#424353',
    '--input-border': '#5c5d6e',
  },
  flat: {
    ...LIGHT,
    '--input-background': '#f1f1f4',
    '--input-border': 'transparent',
  },
};

const COMMON: Record<string, string> = {
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Ubuntu, sans-serif',
  fontSizeBase: '16px',
  spacingUnit: '4px',
  borderRadius: '5px',
};

/** Rules may style these classes (Stripe's names), with or without a state. */
const RULE_SELECTOR =
  /^\.(Input|Label|Error|Block)(--invalid|--empty)?(:hover|:focus|:disabled|::placeholder)?$/;

function cssName(variable: string): string {
  return variable.startsWith('--')
    ? variable
    : `--${variable.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function safe(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    !/url\s*\(|expression\s*\(|[{};<>]/i.test(value)
  );
}

export function applyAppearance(
  appearance: Appearance | undefined,
  root: HTMLElement,
  sheet: CSSStyleSheet
): void {
  const theme = THEMES[appearance?.theme ?? 'stripe'] ?? THEMES.stripe;
  const values: Record<string, unknown> = {
    ...COMMON,
    ...theme,
    ...pick(appearance?.variables ?? {}),
  };
  for (const [name, value] of Object.entries(values)) {
    if (safe(value)) root.style.setProperty(cssName(name), value);
  }
  root.dataset.theme = appearance?.theme ?? 'stripe';
  root.dataset.animations = appearance?.disableAnimations ? 'off' : 'on';

  while (sheet.cssRules.length > 0) sheet.deleteRule(0);
  for (const [selector, declarations] of Object.entries(
    appearance?.rules ?? {}
  )) {
    if (!RULE_SELECTOR.test(selector) || typeof declarations !== 'object')
      continue;
    const rule =
      sheet.cssRules[sheet.insertRule(`${selector} {}`, sheet.cssRules.length)];
    if (!(rule instanceof CSSStyleRule)) continue;
    for (const [property, value] of Object.entries(declarations ?? {})) {
      if (safe(value))
        rule.style.setProperty(cssName(property).slice(2), value);
    }
  }
}

function pick(variables: Variables): Record<string, unknown> {
  return Object.fromEntries(
    SUPPORTED.filter((name) => variables[name] !== undefined).map((name) => [
      name,
      variables[name],
    ])
  );
}
