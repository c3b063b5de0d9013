/**
 * Square's card `style` option (`CardClassSelectors`): the selectors it allows, the properties
 * each takes, and the CSS the card frame writes from them. The page checks a style before it
 * reaches the frame (so `card()`/`attach()`/`configure()` throw Square's errors), and the frame
 * builds its sheet only from what passes the same check, so nothing the page sends can become
 * a rule of its own. Font size is capped at 16px, as Square documents. No DOM here.
 */
import type {CardClassSelectors} from '@square/web-payments-sdk-types';

const INPUT = [
  'backgroundColor',
  'color',
  'fontFamily',
  'fontSize',
  'fontWeight',
];
const COMPONENT = ['borderColor', 'borderRadius', 'borderWidth'];
const COMPONENT_STATE = ['borderColor', 'borderWidth'];
const TEXT = ['color'];

/** Each allowed selector (`AllowedClassSelectors`) and the properties it takes. */
const SELECTORS: Record<string, string[]> = {
  input: INPUT,
  'input.is-focus': INPUT,
  'input::placeholder': TEXT,
  'input.is-focus::placeholder': TEXT,
  'input.is-error': TEXT,
  'input.is-error::placeholder': TEXT,
  '.input-container': COMPONENT,
  '.input-container.is-focus': COMPONENT_STATE,
  '.input-container.is-error': COMPONENT_STATE,
  '.message-text': TEXT,
  '.message-icon': TEXT,
  '.message-text.is-error': TEXT,
  '.message-icon.is-error': TEXT,
};

export type StyleProblem =
  | {kind: 'selector'; selector: string}
  | {kind: 'property'; property: string}
  | {kind: 'value'; property: string; value: string};

/** A value that stays one CSS value: no declaration, block, comment, escape or URL. */
function isSafeValue(property: string, value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200)
    return false;
  if (/[;{}<>\\@]|\/\*|url\s*\(|expression\s*\(/i.test(value)) return false;
  if (property === 'borderWidth')
    return /^(0|\d+(\.\d+)?(px|em))(\s+(0|\d+(\.\d+)?(px|em))){0,3}$/.test(
      value.trim()
    );
  if (property === 'fontSize')
    return /^\d+(\.\d+)?(px|em|rem|%)$/.test(value.trim());
  return true;
}

function checkRules(rules: unknown, problems: StyleProblem[]): void {
  if (typeof rules !== 'object' || rules === null) return;
  for (const [selector, declarations] of Object.entries(rules)) {
    if (selector.startsWith('@media ')) {
      if (/[;{}<>\\]/.test(selector))
        problems.push({kind: 'selector', selector});
      else checkRules(declarations, problems);
      continue;
    }
    const allowed = SELECTORS[selector];
    if (!allowed || typeof declarations !== 'object' || declarations === null) {
      problems.push({kind: 'selector', selector});
      continue;
    }
    for (const [property, value] of Object.entries(declarations as object)) {
      if (!allowed.includes(property))
        problems.push({kind: 'property', property});
      else if (!isSafeValue(property, value))
        problems.push({kind: 'value', property, value: String(value)});
    }
  }
}

/** Everything wrong with a style option; empty when it is Square's shape. */
export function styleProblems(style: unknown): StyleProblem[] {
  const problems: StyleProblem[] = [];
  if (style === undefined) return problems;
  if (typeof style !== 'object' || style === null || Array.isArray(style)) {
    return [{kind: 'selector', selector: String(style)}];
  }
  checkRules(style, problems);
  return problems;
}

/** Where each Square selector lands in the frame's markup. */
const TARGETS: Record<string, string> = {
  input: '.input',
  'input.is-focus': '.input.is-focus',
  'input::placeholder': '.input::placeholder',
  'input.is-focus::placeholder': '.input.is-focus::placeholder',
  'input.is-error': '.input.is-error',
  'input.is-error::placeholder': '.input.is-error::placeholder',
  '.input-container': '.input-container',
  '.input-container.is-focus': '.input-container.is-focus',
  '.input-container.is-error': '.input-container.is-error',
  '.message-text': '.message-text',
  '.message-icon': '.message-icon',
  '.message-text.is-error': '.message-text.is-error',
  '.message-icon.is-error': '.message-icon.is-error',
};

function kebab(property: string): string {
  return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function capFontSize(value: string): string {
  const px = /^(\d+(?:\.\d+)?)px$/.exec(value.trim());
  return px && Number(px[1]) > 16 ? '16px' : value;
}

function rulesCss(rules: object): string {
  let css = '';
  for (const [selector, declarations] of Object.entries(rules)) {
    if (selector.startsWith('@media ')) {
      css += `${selector}{${rulesCss(declarations as object)}}`;
      continue;
    }
    const target = TARGETS[selector];
    if (!target) continue;
    const body = Object.entries(declarations as Record<string, string>)
      .map(([property, value]) => {
        const css = kebab(property);
        const written = property === 'fontSize' ? capFontSize(value) : value;
        // The label and the brand share the input's look; the container's fill follows the
        // input's background, so that the form reads as one surface in light and dark styles.
        return `${css}:${written}`;
      })
      .join(';');
    css += `${target}{${body}}`;
    if (selector === 'input')
      css += inputSurface(declarations as Record<string, string>);
  }
  return css;
}

/** The input's colours also paint the frame (labels, brand, the page behind the fields). */
function inputSurface(input: Record<string, string>): string {
  let css = '';
  if (input.backgroundColor)
    css += `body,.input-container{background-color:${input.backgroundColor}}`;
  if (input.color) css += `.label,.brand{color:${input.color}}`;
  if (input.fontFamily) css += `body{font-family:${input.fontFamily}}`;
  return css;
}

/** The frame's style sheet for a style that passed `styleProblems` (anything else is dropped). */
export function styleSheet(style: CardClassSelectors | undefined): string {
  if (!style || styleProblems(style).length > 0) return '';
  return rulesCss(style);
}
