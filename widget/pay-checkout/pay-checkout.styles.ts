/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {css} from 'lit';

/*
 * The element's own sheet, in the initial download: the card, the tokens and the skeleton
 * shown until the checkout chunk (./checkout.ts) is in, which adds the rest
 * (./checkout.styles.ts) after this sheet.
 *
 * The public tokens (--pay-*) are only ever read, with a fallback, never set on :host, so a
 * page can theme from :root. They are mapped once onto private --_* properties on the base
 * part; the rest of the sheets and the theme bridge (through .probe) read those, so the
 * defaults (light and dark) live in exactly one place.
 */
export default css`
  :host {
    display: block;
  }

  :host([hidden]) {
    display: none;
  }

  .base {
    --_color-primary: var(--pay-color-primary, #635bff);
    --_color-background: var(--pay-color-background, #ffffff);
    --_color-text: var(--pay-color-text, #30313d);
    --_color-danger: var(--pay-color-danger, #df1b41);
    --_color-text-secondary: var(--pay-color-text-secondary, #6d6e78);
    --_color-on-primary: #ffffff;
    --_font-family: var(
      --pay-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    --_font-size-base: var(--pay-font-size-base, 16px);
    --_spacing-unit: var(--pay-spacing-unit, 2px);
    --_border-radius: var(--pay-border-radius, 6px);
    --_color-border: color-mix(
      in srgb,
      var(--_color-text) 14%,
      var(--_color-background)
    );
    --_color-subtle: color-mix(
      in srgb,
      var(--_color-text) 6%,
      var(--_color-background)
    );
    --_color-shimmer: color-mix(
      in srgb,
      var(--_color-text) 12%,
      var(--_color-background)
    );

    position: relative;
    box-sizing: border-box;
    display: grid;
    gap: calc(var(--_spacing-unit) * 10);
    /* Less on a phone (about 17 px at 320 px): the summary's longest row ("Frete
       (Internacional)" and its amount) must fit beside the page's own margins. */
    padding: min(calc(var(--_spacing-unit) * 12), 4vw + 4px);
    border: 1px solid var(--_color-border);
    border-radius: calc(var(--_border-radius) * 2);
    background: var(--_color-background);
    box-shadow:
      0 1px 2px rgb(0 0 0 / 5%),
      0 8px 24px rgb(0 0 0 / 6%);
    color: var(--_color-text);
    color-scheme: light;
    font-family: var(--_font-family);
    font-size: var(--_font-size-base);
    line-height: 1.5;
    text-align: start;
  }

  @media (prefers-color-scheme: dark) {
    .base {
      --_color-primary: var(--pay-color-primary, #8f89ff);
      --_color-background: var(--pay-color-background, #1c1d26);
      --_color-text: var(--pay-color-text, #ececf1);
      --_color-danger: var(--pay-color-danger, #ff7a93);
      --_color-text-secondary: var(--pay-color-text-secondary, #a9aab6);
      --_color-on-primary: #1a1b25;
      color-scheme: dark;
    }
  }

  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .skeleton {
    display: grid;
    gap: calc(var(--_spacing-unit) * 7);
  }

  .skeleton__row {
    display: flex;
    justify-content: space-between;
    gap: calc(var(--_spacing-unit) * 8);
  }

  .skeleton__bar {
    display: block;
    height: 1em;
    width: 60%;
    border-radius: calc(var(--_border-radius) * 0.75);
    background: linear-gradient(
      90deg,
      var(--_color-subtle) 25%,
      var(--_color-shimmer) 37%,
      var(--_color-subtle) 63%
    );
    background-size: 400% 100%;
    animation: shimmer 1.4s ease infinite;
  }

  .skeleton__bar--short {
    width: 18%;
  }

  .skeleton__bar--total {
    height: 1.25em;
    width: 30%;
  }

  .skeleton__bar--button {
    width: 100%;
    height: calc(var(--_spacing-unit) * 24);
    border-radius: var(--_border-radius);
  }

  @keyframes shimmer {
    from {
      background-position: 100% 50%;
    }
    to {
      background-position: 0 50%;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton__bar {
      animation: none;
    }
  }
`;
