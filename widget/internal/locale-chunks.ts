/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The chunk of each language other than English (./locales/*.ts), by its table's tag. Here,
 * apart from the code that adds a table (./locales/load.ts), so that the element's initial
 * download can ask for the page language's chunk at connect with the config and the quote.
 */
export const localeChunks = {
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  it: () => import('./locales/it.js'),
  nl: () => import('./locales/nl.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
  ja: () => import('./locales/ja.js'),
  'zh-Hans': () => import('./locales/zh-Hans.js'),
  ar: () => import('./locales/ar.js'),
} satisfies Record<string, () => Promise<object>>;
