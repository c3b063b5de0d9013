/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The message tables other than English, each a chunk of its own, fetched only for a page in
 * that language (English is in the initial bundle, as the fallback). A table joins
 * ../messages.ts once loaded; until then (or when it fails to load) the element speaks English.
 */
import {addMessages, languageOf, type Messages} from '../messages.js';

const loaders: Record<string, () => Promise<{default: Messages}>> = {
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
};

const loading = new Map<string, Promise<void>>();

/** Loads the table `locale` uses (`fr-CA` → `fr`), once; resolves at once for English or a language without one. */
export function loadMessages(locale: string): Promise<void> {
  const language = languageOf(locale, Object.keys(loaders));
  if (!language) return Promise.resolve();
  let load = loading.get(language);
  if (!load) {
    load = loaders[language]!().then(
      (table) => addMessages(language, table.default),
      (error: unknown) => {
        loading.delete(language);
        console.warn(
          `<pay-checkout>: the ${language} messages could not load.`,
          error
        );
      }
    );
    loading.set(language, load);
  }
  return load;
}
