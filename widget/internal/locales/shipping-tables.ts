/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The shipping strings the locale chunks brought (./load.ts adds them), for the shipping chunk
 * (../shipping-messages.ts), which reads them with its own type: importing that type here
 * would close a circle through the locale chunks, which import it too.
 */
import {languageOf} from '../messages.js';

const tables: Record<string, object> = {};

export function addShippingTable(language: string, table: object): void {
  tables[language] = table;
}

/** The table `locale` uses, once its chunk has loaded. */
export function loadedShippingTable<Table extends object>(
  locale: string
): Table | undefined {
  const language = languageOf(locale, Object.keys(tables));
  return language ? (tables[language] as Table) : undefined;
}
