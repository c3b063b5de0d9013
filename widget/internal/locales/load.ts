/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The message tables other than English, each a chunk of its own, fetched only for a page in
 * that language (English is in the initial bundle, as the fallback). A table joins
 * ../messages.ts once loaded; until then (or when it fails to load) the element speaks English.
 * Each also carries the providers' error sentences and the shipping strings in its language, so
 * the provider chunks and the shipping chunk hold English only and a buyer downloads one
 * language.
 */
import {localeChunks} from '../locale-chunks.js';
import {addMessages, languageOf, type Messages} from '../messages.js';
import type {ShippingMessages} from '../shipping-messages.js';
import {addShippingTable} from './shipping-tables.js';

/** What a chunk in ./ exports. */
export interface LocaleTables {
  /** The element's table (../messages.ts). */
  default: Messages;
  /** The codes of ../providers/*-messages.ts, in this language. */
  providerErrors: Readonly<Record<string, string>>;
  /** The table of ../shipping-messages.ts, in this language. */
  shipping: ShippingMessages;
}

// The chunks by language: ../locale-chunks.ts, which the initial download also reads.
const loaders: Record<string, () => Promise<LocaleTables>> = localeChunks;

/** The languages with a chunk here (English's table is ../messages.ts). */
export function localeLanguages(): string[] {
  return Object.keys(loaders);
}

/** A language's chunk, as loaded (for the tests that hold every table to English's). */
export function localeTables(language: string): Promise<LocaleTables> {
  return loaders[language]!();
}

const loading = new Map<string, Promise<void>>();

/** Adds a loaded chunk's tables. */
function add(language: string, tables: LocaleTables): void {
  const {default: table, providerErrors, shipping} = tables;
  addMessages(language, {
    ...table,
    errors: {...table.errors, ...providerErrors},
  });
  addShippingTable(language, shipping);
}

/** Loads the table `locale` uses (`fr-CA` → `fr`), once; resolves at once for English or a language without one. */
export function loadMessages(locale: string): Promise<void> {
  const language = languageOf(locale, Object.keys(loaders));
  if (!language) return Promise.resolve();
  let load = loading.get(language);
  if (!load) {
    load = loaders[language]!().then(
      (tables) => add(language, tables),
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
