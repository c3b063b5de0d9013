/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Which language the buyer reads and which table serves it: small and free of any table, so
 * that the element's initial download can ask for the page language's table at connect
 * (../pay-checkout/head-start.ts) without holding the tables' code.
 */

/** The first of `candidates` that is a language tag, canonical (`fr-ca` → `fr-CA`); else `en`. */
export function resolveLocale(candidates: (string | undefined)[]): string {
  for (const candidate of candidates) {
    try {
      if (candidate) return Intl.getCanonicalLocales(candidate)[0]!;
    } catch {
      // Not a language tag (`en_US`): Intl would throw on it. Try the next.
    }
  }
  return 'en';
}

// Asked for at every render, of a handful of tags: each filled in once.
const likelyTags = new Map<string, Intl.Locale | undefined>();

/** A tag's language and script, filled in as Intl would (`pt` → pt-Latn-BR, `zh-TW` → zh-Hant-TW). */
function likely(tag: string): Intl.Locale | undefined {
  if (likelyTags.has(tag)) return likelyTags.get(tag);
  let filled: Intl.Locale | undefined;
  try {
    filled = new Intl.Locale(tag).maximize();
  } catch {
    // Not a language tag.
  }
  if (likelyTags.size < 100) likelyTags.set(tag, filled);
  return filled;
}

/**
 * The table `locale` would use among `languages`, if any: the one of the same language and
 * script, the same region first (`fr-CA` → `fr`, `pt` and `pt-PT` → `pt-BR`, `zh-SG` →
 * `zh-Hans`; `zh-TW`, written in Traditional characters, → none, so English).
 */
export function languageOf(
  locale: string,
  languages: Iterable<string>
): string | undefined {
  const wanted = likely(locale);
  if (!wanted) return undefined;
  let found: string | undefined;
  for (const language of languages) {
    const table = likely(language);
    if (table?.language !== wanted.language || table.script !== wanted.script)
      continue;
    if (table.region === wanted.region) return language;
    found ??= language;
  }
  return found;
}
