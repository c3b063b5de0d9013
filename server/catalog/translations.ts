/**
 * Per-language text in the catalog (`"translations": {"fr": {"name": "Tasse"}}`), for
 * products and shipping rates alike: keys are language tags, one per language, matched to the
 * buyer's locale the way the element and the emails choose their language.
 */
import {z} from 'zod';
import {languageOf} from '../language.js';

/** The contract's pattern for a buyer's `locale`, which a translation is matched against. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** `{"fr": {…}, "pt-BR": {…}}` of `text`, refusing what is not a tag and duplicate languages. */
export function translationsSchema<T extends z.ZodType>(text: T) {
  return z.record(z.string(), text).superRefine((translations, ctx) => {
    const seen = new Map<string, string>();
    for (const tag of Object.keys(translations)) {
      let canonical: string | undefined;
      try {
        if (LANGUAGE_TAG.test(tag))
          canonical = Intl.getCanonicalLocales(tag)[0];
      } catch {
        // Not a tag: said below.
      }
      if (!canonical) {
        ctx.addIssue({
          code: 'custom',
          path: [tag],
          message: 'is not a language tag such as "fr", "pt-BR" or "zh-Hans"',
        });
      } else if (seen.has(canonical)) {
        ctx.addIssue({
          code: 'custom',
          path: [tag],
          message: `is the same language tag as "${seen.get(canonical)}"`,
        });
      } else {
        seen.set(canonical, tag);
      }
    }
  });
}

/** The translation for a buyer in `locale` (same language and script, same region first). */
export function translationFor<T>(
  translations: Record<string, T> | undefined,
  locale: string | undefined
): T | undefined {
  if (!translations || !locale) return undefined;
  const language = languageOf(locale, Object.keys(translations));
  return language === undefined ? undefined : translations[language];
}
