/**
 * Every language the element speaks has every message English has, and no other: the element's
 * table, the providers' error sentences and the shipping strings (in the language's chunk, or
 * in a provider's own table, never both). Then which table a page's language tag gets, the
 * plural forms of a count, and money in Arabic.
 */
import {expect} from '@open-wc/testing';
import {
  loadMessages,
  localeLanguages,
  localeTables,
} from '../../widget/internal/locales/load.js';
import {
  type ErrorTables,
  languageOf,
  messagesFor,
} from '../../widget/internal/messages.js';
import {formatMoney} from '../../widget/internal/money.js';
import {braintreeMessages} from '../../widget/internal/providers/braintree-messages.js';
import {paypalMessages} from '../../widget/internal/providers/paypal-messages.js';
import {squareMessages} from '../../widget/internal/providers/square-messages.js';
import {stripeMessages} from '../../widget/internal/providers/stripe-messages.js';
import {
  type ShippingMessages,
  shippingMessages,
} from '../../widget/internal/shipping-messages.js';

const PROVIDERS: Record<string, ErrorTables> = {
  stripe: stripeMessages,
  paypal: paypalMessages,
  square: squareMessages,
  braintree: braintreeMessages,
};
const english = messagesFor('en');
const englishShipping = shippingMessages('en');

/** What a message function is called with: arguments it must show, by the message's name. */
function sample(
  name: string,
  fn: (...args: never[]) => unknown,
  language: string
) {
  if (name === 'estimate')
    return (fn as ShippingMessages['estimate'])(2, 4, language);
  return (fn as (...args: string[]) => unknown)('ARG1', 'ARG2');
}

/**
 * What `table` lacks or has beyond `reference`, and what it says empty, as paths
 * (`errors.generic`, `pay()`); the functions are called with sample arguments, and must show
 * each argument English shows.
 */
function differences(
  reference: object,
  table: object,
  language: string,
  path = ''
): string[] {
  const found: string[] = [];
  const ours = table as Record<string, unknown>;
  const theirs = reference as Record<string, unknown>;
  for (const key of Object.keys(theirs))
    if (!Object.hasOwn(ours, key)) found.push(`missing ${path}${key}`);
  for (const key of Object.keys(ours)) {
    const at = `${path}${key}`;
    const value = ours[key];
    const wanted = theirs[key];
    if (!Object.hasOwn(theirs, key)) found.push(`extra ${at}`);
    else if (typeof value !== typeof wanted) found.push(`wrong type ${at}`);
    else if (typeof value === 'string') {
      if (!value.trim()) found.push(`empty ${at}`);
    } else if (typeof value === 'function') {
      const said = sample(key, value as never, language);
      const englishSaid = String(sample(key, wanted as never, 'en'));
      if (typeof said !== 'string' || !said.trim()) found.push(`empty ${at}()`);
      for (const argument of ['ARG1', 'ARG2'])
        if (englishSaid.includes(argument) && !String(said).includes(argument))
          found.push(`${at}() drops ${argument}`);
    } else if (value && typeof value === 'object')
      found.push(...differences(wanted as object, value, language, `${at}.`));
  }
  return found;
}

/** A language's chunk, and what each provider's own table has in that language (if anything). */
async function tablesOf(language: string) {
  const chunk = await localeTables(language);
  const providers: Record<
    string,
    Readonly<Record<string, string>> | undefined
  > = {};
  for (const [name, table] of Object.entries(PROVIDERS))
    providers[name] = table[language];
  return {chunk, providers};
}

describe('locales', () => {
  const languages = localeLanguages();

  it('are the ten languages of issue 14, English inline', () => {
    expect(['en', ...languages].sort()).to.deep.equal(
      [
        'ar',
        'de',
        'en',
        'es',
        'fr',
        'it',
        'ja',
        'nl',
        'pt-BR',
        'zh-Hans',
      ].sort()
    );
  });

  for (const language of [
    'fr',
    'de',
    'es',
    'it',
    'nl',
    'pt-BR',
    'ja',
    'zh-Hans',
    'ar',
  ]) {
    describe(language, () => {
      it("has exactly the element's messages English has", async () => {
        const {default: table} = await localeTables(language);
        expect(differences(english, table, language)).to.deep.equal([]);
      });

      it("has each provider's error sentences, in one place", async () => {
        const {chunk, providers} = await tablesOf(language);
        const problems: string[] = [];
        const inChunk = new Set(Object.keys(chunk.providerErrors ?? {}));
        for (const [name, table] of Object.entries(PROVIDERS)) {
          const own = providers[name];
          if (own && chunk.providerErrors)
            problems.push(`${name} in both its chunk and the locale's`);
          const sentences = own ?? chunk.providerErrors ?? {};
          problems.push(
            ...differences(
              table.en!,
              own ?? pick(sentences, table.en!),
              language,
              `${name}.`
            )
          );
          for (const code of Object.keys(table.en!)) inChunk.delete(code);
        }
        for (const code of inChunk)
          problems.push(`extra providerErrors.${code}`);
        expect(problems).to.deep.equal([]);
      });

      it('has the shipping strings English has', async () => {
        const chunk = await localeTables(language);
        const table = chunk.shipping ?? shippingMessages(language);
        expect(table, 'a table of its own').not.to.equal(englishShipping);
        expect(differences(englishShipping, table, language)).to.deep.equal([]);
      });

      it('speaks it once loaded, with the provider sentences and shipping strings', async () => {
        await loadMessages(language);
        const t = messagesFor(language, Object.values(PROVIDERS));
        expect(t.orderSummary).not.to.equal(english.orderSummary);
        for (const [name, table] of Object.entries(PROVIDERS))
          for (const code of Object.keys(table.en!))
            expect(t.errors[code], `${name} ${code}`).not.to.equal(
              table.en![code]
            );
        expect(shippingMessages(language).address).not.to.equal(
          englishShipping.address
        );
      });
    });
  }
});

/** `sentences` restricted to the codes of `reference`, so each provider is held to its own. */
function pick(
  sentences: Readonly<Record<string, string>>,
  reference: Readonly<Record<string, string>>
): Record<string, string> {
  return Object.fromEntries(
    Object.keys(reference)
      .filter((code) => Object.hasOwn(sentences, code))
      .map((code) => [code, sentences[code]!])
  );
}

describe('languageOf', () => {
  const known = ['en', ...localeLanguages()];
  const cases: [string, string | undefined][] = [
    ['en', 'en'],
    ['en-GB', 'en'],
    ['fr-CA', 'fr'],
    ['de-AT', 'de'],
    ['es-419', 'es'],
    ['es-MX', 'es'],
    ['it-CH', 'it'],
    ['nl-BE', 'nl'],
    ['pt-BR', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['zh-TW', undefined],
    ['zh-HK', undefined],
    ['zh-Hant', undefined],
    ['ar', 'ar'],
    ['ar-EG', 'ar'],
    ['ar-SA', 'ar'],
    ['ar-MA', 'ar'],
    ['sr-Latn', undefined],
    ['ko', undefined],
    ['not a tag!', undefined],
  ];
  for (const [tag, table] of cases)
    it(`${tag} → ${table ?? 'none (English)'}`, () => {
      expect(languageOf(tag, known)).to.equal(table);
    });

  it('prefers the table of the same region', () => {
    expect(languageOf('pt-PT', ['pt-BR', 'pt-PT'])).to.equal('pt-PT');
    expect(languageOf('pt', ['pt-PT', 'pt-BR'])).to.equal('pt-BR');
  });

  it('speaks English for a Traditional Chinese page, even with the Simplified table loaded', async () => {
    await loadMessages('zh-CN');
    expect(messagesFor('zh-TW')).to.equal(english);
    expect(messagesFor('zh-CN').orderSummary).not.to.equal(
      english.orderSummary
    );
  });
});

describe('plural forms', () => {
  const estimate = async (language: string) => {
    const {chunk} = await tablesOf(language);
    return (chunk.shipping ?? shippingMessages(language)).estimate;
  };

  it("follow each language's categories for every count", async () => {
    for (const language of localeLanguages()) {
      const say = await estimate(language);
      const rules = new Intl.PluralRules(language);
      // One count per category the language has (0–200 holds one of each in these ten).
      const byCategory = new Map<string, number>();
      for (let n = 0; n <= 200; n++) {
        const category = rules.select(n);
        if (!byCategory.has(category)) byCategory.set(category, n);
      }
      for (const [category, n] of byCategory)
        expect(
          say(n, n, language).trim(),
          `${language} ${category} ${n}`
        ).not.to.equal('');
    }
  });

  it('Arabic: one, two, few, many and other read as Arabic counts do', async () => {
    const say = await estimate('ar');
    const rules = new Intl.PluralRules('ar');
    expect([1, 2, 3, 11, 100].map((n) => rules.select(n))).to.deep.equal([
      'one',
      'two',
      'few',
      'many',
      'other',
    ]);
    expect(say(1, 1, 'ar')).to.equal('يوم عمل واحد');
    expect(say(2, 2, 'ar')).to.equal('يوما عمل');
    const number = new Intl.NumberFormat('ar');
    expect(say(3, 3, 'ar'))
      .to.contain(number.format(3))
      .and.to.contain('أيام عمل');
    expect(say(11, 11, 'ar'))
      .to.contain(number.format(11))
      .and.to.contain('يوم عمل');
    expect(say(11, 11, 'ar')).not.to.contain('أيام');
    expect(say(103, 103, 'ar'), 'few again past 100').to.contain('أيام عمل');
    expect(say(3, 5, 'ar'))
      .to.contain(number.format(5))
      .and.to.contain('أيام عمل');
  });

  it('Japanese and Chinese: one form, whatever the count', async () => {
    for (const language of ['ja', 'zh-Hans']) {
      const say = await estimate(language);
      expect(
        new Intl.PluralRules(language).resolvedOptions().pluralCategories
      ).to.deep.equal(['other']);
      const word = (n: number) => say(n, n, language).replace(/[\d\s]/g, '');
      expect(word(1)).to.equal(word(5));
      expect(say(1, 1, language)).to.match(/^1\s?\S/);
    }
    expect((await estimate('ja'))(3, 5, 'ja')).to.equal('3〜5営業日');
  });

  it('English and French still choose by category, not by n === 1', async () => {
    const en = shippingMessages('en').estimate;
    expect(en(1, 1, 'en')).to.equal('1 business day');
    expect(en(2, 2, 'en')).to.equal('2 business days');
    // French: 0 and 1 are both "one".
    expect(shippingMessages('fr').estimate(0, 0, 'fr')).to.equal(
      '0 jour ouvré'
    );
  });
});

describe('money in Arabic', () => {
  it("is written as Intl writes it for ar, with the currency's exponent", () => {
    const written = formatMoney(12345, 'eur', 'ar');
    const digits = new Intl.NumberFormat('ar')
      .format(12345)
      .replace(/[^\d٠-٩]/g, '');
    expect(written.replace(/[^\d٠-٩]/g, '')).to.equal(digits);
    expect(written).to.contain('€');
    expect(formatMoney(1234, 'jpy', 'ar').replace(/[^\d٠-٩]/g, '')).to.equal(
      new Intl.NumberFormat('ar').format(1234).replace(/[^\d٠-٩]/g, '')
    );
  });

  it('goes into the Pay label isolated, so the amount keeps its direction', async () => {
    await loadMessages('ar');
    const amount = formatMoney(12345, 'eur', 'ar');
    expect(messagesFor('ar').pay(amount)).to.equal(
      `ادفع \u2068${amount}\u2069`
    );
  });
});
