/**
 * Which of a few languages serves a buyer's locale: the emails' tables (notify/email-strings.ts)
 * and a product's translations (catalog/products.ts) choose by the same rule, which is also the
 * element's (languageOf in widget/internal/language.ts; the two packages share only types).
 */

/** A tag's language, script and region as Intl fills them in (`pt` → pt-Latn-BR), if it is one. */
function likely(tag: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(tag).maximize();
  } catch {
    return undefined;
  }
}

// Asked for with a handful of tags (the catalog's, the tables', the buyers'): each filled in once.
const likelyTags = new Map<string, Intl.Locale | undefined>();

function likelyOnce(tag: string): Intl.Locale | undefined {
  if (likelyTags.has(tag)) return likelyTags.get(tag);
  const filled = likely(tag);
  if (likelyTags.size < 1000) likelyTags.set(tag, filled);
  return filled;
}

/**
 * The one of `languages` that `locale` reads: the same language and script, the same region
 * first (`fr-CA` → fr, `pt-PT` → pt-BR, `zh-SG` → zh-Hans); none for `zh-TW` among zh-Hans
 * (Traditional characters), for another language or for what is not a language tag.
 */
export function languageOf(
  locale: string,
  languages: Iterable<string>
): string | undefined {
  const wanted = likelyOnce(locale);
  if (!wanted) return undefined;
  let found: string | undefined;
  for (const language of languages) {
    const table = likelyOnce(language);
    if (table?.language !== wanted.language || table.script !== wanted.script)
      continue;
    if (table.region === wanted.region) return language;
    found ??= language;
  }
  return found;
}
