/**
 * Product names and descriptions per language (`translations` in the catalog): validated at
 * load with messages naming the product and the field; chosen for the buyer's locale by
 * language and script as the element and the emails choose; used by the quote, stored with the
 * order, and so read in the buyer's email.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {CatalogError, parseCatalog} from '../../server/catalog/index.js';
import {productName, productText} from '../../server/catalog/products.js';
import {composeOrderEmail} from '../../server/notify/email.js';
import {createSqlStore} from '../../server/orders/sql-store.js';
import type {OrderStore} from '../../server/orders/store.js';
import {openOrder} from '../../server/payments/open-order.js';
import {
  demoCatalog,
  makeServer,
  postJson,
  testDatabase,
  type TestDatabase,
  type TestServer,
} from './helpers.js';

const MUG = {
  sku: 'mug',
  name: 'Enamel mug',
  description: '350 ml.',
  maxQuantity: 5,
  prices: {eur: 1450},
};

const catalogWith = (translations: unknown) => ({
  defaultCurrency: 'eur',
  products: [
    {sku: 'tee', name: 'Tee', maxQuantity: 5, prices: {eur: 2300}},
    {...MUG, translations},
  ],
});

function problems(translations: unknown): string {
  try {
    parseCatalog(catalogWith(translations), 'shop.json');
  } catch (error) {
    assert.ok(error instanceof CatalogError);
    return error.message;
  }
  assert.fail('the catalog was accepted');
}

describe('catalog translations: validation', () => {
  it('accepts names and descriptions per language tag', () => {
    const catalog = parseCatalog(
      catalogWith({
        fr: {name: ' Tasse émaillée ', description: '35 cl.'},
        'pt-BR': {name: 'Caneca esmaltada'},
        'zh-Hans': {description: '350 毫升。'},
      }),
      'shop.json'
    );
    assert.equal(
      catalog.bySku.get('mug')!.translations!.fr!.name,
      'Tasse émaillée'
    );
  });

  const mistakes: [string, unknown, string][] = [
    [
      'a key that is no language tag',
      {fr_FR: {name: 'Tasse'}},
      'product 1 ("mug"), field "translations.fr_FR" is not a language tag such as "fr", "pt-BR" or "zh-Hans"',
    ],
    [
      'the same language twice in another case',
      {'pt-BR': {name: 'Caneca'}, 'pt-br': {name: 'Caneca'}},
      'product 1 ("mug"), field "translations.pt-br" is the same language tag as "pt-BR"',
    ],
    [
      'a misspelt field',
      {de: {nmae: 'Becher'}},
      'product 1 ("mug"), field "translations.de"',
    ],
    [
      'a translation with nothing in it',
      {de: {}},
      'product 1 ("mug"), field "translations.de" must give a name or a description',
    ],
    [
      'a blank name',
      {de: {name: '  '}},
      'product 1 ("mug"), field "translations.de.name"',
    ],
    [
      'a name that is not text',
      {de: {name: 7}},
      'product 1 ("mug"), field "translations.de.name"',
    ],
    [
      'a list instead of languages',
      [{name: 'Becher'}],
      'product 1 ("mug"), field "translations"',
    ],
  ];
  for (const [what, translations, message] of mistakes) {
    it(`refuses ${what}`, () => {
      const text = problems(translations);
      assert.ok(text.includes(message), `${message}\nin\n${text}`);
    });
  }
});

describe('catalog translations: which one a buyer reads', () => {
  const mug = parseCatalog(
    catalogWith({
      fr: {name: 'Tasse émaillée', description: '35 cl.'},
      'fr-CA': {name: 'Tasse en émail'},
      'pt-BR': {name: 'Caneca esmaltada'},
      'zh-Hans': {name: '搪瓷杯'},
      de: {description: '350 ml, spülmaschinenfest.'},
    }),
    'shop.json'
  ).bySku.get('mug')!;

  const cases: [string | undefined, string][] = [
    ['fr', 'Tasse émaillée'],
    ['fr-FR', 'Tasse émaillée'],
    ['fr-BE', 'Tasse émaillée'],
    ['fr-CA', 'Tasse en émail'],
    ['pt', 'Caneca esmaltada'],
    ['pt-PT', 'Caneca esmaltada'],
    ['zh', '搪瓷杯'],
    ['zh-CN', '搪瓷杯'],
    ['zh-SG', '搪瓷杯'],
    // Traditional characters are another script: the product's own name.
    ['zh-TW', 'Enamel mug'],
    ['zh-Hant', 'Enamel mug'],
    ['en-GB', 'Enamel mug'],
    ['ja', 'Enamel mug'],
    // A German translation without a name keeps the product's.
    ['de-AT', 'Enamel mug'],
    [undefined, 'Enamel mug'],
  ];
  for (const [locale, name] of cases) {
    it(`${locale ?? 'no locale'} → ${name}`, () => {
      assert.equal(productName(mug, locale), name);
      assert.equal(productText(mug, locale).name, name);
    });
  }

  it('takes the description field by field', () => {
    assert.deepEqual(productText(mug, 'de'), {
      name: 'Enamel mug',
      description: '350 ml, spülmaschinenfest.',
    });
    assert.deepEqual(productText(mug, 'fr-CA'), {
      name: 'Tasse en émail',
      description: '350 ml.',
    });
    assert.deepEqual(productText(mug, 'fr'), {
      name: 'Tasse émaillée',
      description: '35 cl.',
    });
  });
});

describe('POST /api/quote: names in the buyer’s language', () => {
  let server: TestServer;
  before(async () => {
    server = await makeServer({catalog: demoCatalog()});
  });
  after(() => server.close());

  const names = async (body: Record<string, unknown>) => {
    const res = await postJson(server.app, '/api/quote', {
      items: [
        {sku: 'tee-black-m', quantity: 1},
        {sku: 'hoodie-grey-l', quantity: 1},
      ],
      ...body,
    });
    assert.equal(res.status, 200);
    return ((await res.json()) as {lines: {name: string}[]}).lines.map(
      (line) => line.name
    );
  };

  it('names the demo’s products in French and German, and the rest as the catalog does', async () => {
    assert.deepEqual(await names({locale: 'fr-CA'}), [
      'T-shirt noir, taille M',
      'Grey hoodie, size L',
    ]);
    assert.deepEqual(await names({locale: 'de-CH'}), [
      'Schwarzes T-Shirt, Größe M',
      'Grey hoodie, size L',
    ]);
    assert.deepEqual(await names({locale: 'ja'}), [
      'Black tee, size M',
      'Grey hoodie, size L',
    ]);
    assert.deepEqual(await names({}), [
      'Black tee, size M',
      'Grey hoodie, size L',
    ]);
  });

  it('names the demo’s shipping rates in the buyer’s language, and the catalog’s name otherwise', async (t) => {
    const shop = await makeServer({catalog: demoCatalog({withRules: true})});
    t.after(() => shop.close());
    const rates = async (locale?: string) => {
      const res = await postJson(shop.app, '/api/quote', {
        items: [{sku: 'tee-black-m', quantity: 1}],
        shippingAddress: {
          name: 'Ana Souza',
          line1: 'Rua Augusta 1',
          city: 'São Paulo',
          postalCode: '01305-000',
          country: 'BR',
        },
        ...(locale && {locale}),
      });
      assert.equal(res.status, 200);
      const quote = (await res.json()) as {shippingRates: {name: string}[]};
      return quote.shippingRates.map((rate) => rate.name);
    };
    assert.deepEqual(await rates('pt-BR'), [
      'Internacional',
      'Internacional expressa',
    ]);
    assert.deepEqual(await rates('ar'), ['دولي', 'دولي سريع']);
    assert.deepEqual(await rates('zh-Hant'), [
      'International',
      'International express',
    ]);
    assert.deepEqual(await rates(), ['International', 'International express']);
  });

  it('refuses a shipping rate translation that is no language tag', () => {
    const catalog = {
      ...catalogWith(undefined),
      shipping: {
        zones: [
          {
            id: 'all',
            name: 'All',
            countries: ['*'],
            rates: [
              {
                id: 'standard',
                name: 'Standard',
                translations: {fr_FR: {name: 'Standard'}},
                prices: {eur: {flat: 500}},
              },
            ],
          },
        ],
      },
    };
    assert.throws(
      () => parseCatalog(catalog, 'shop.json'),
      (error: unknown) =>
        error instanceof CatalogError &&
        /translations.*fr_FR|fr_FR.*language tag/s.test(error.message)
    );
  });

  it('refuses a locale that is no language tag', async () => {
    const res = await postJson(server.app, '/api/quote', {
      items: [{sku: 'tee-black-m', quantity: 1}],
      locale: 'fr_FR',
    });
    assert.equal(res.status, 400);
    const {error} = await res.json();
    assert.equal(error.code, 'invalid_request');
    assert.match(error.message, /locale/);
  });
});

describe('an order in the buyer’s language', () => {
  let database: TestDatabase;
  let store: OrderStore;
  before(async () => {
    database = await testDatabase();
    store = await createSqlStore({databaseUrl: database.url});
  });
  after(async () => {
    await store.close();
    await database.drop();
  });

  it('stores the names the buyer saw, and the email says them', async () => {
    const {order} = await openOrder(
      {catalog: demoCatalog(), store, now: () => new Date()},
      'stripe',
      {
        items: [
          {sku: 'mug-enamel', quantity: 2},
          {sku: 'sticker-pack', quantity: 1},
        ],
        email: 'marie@example.fr',
        locale: 'fr-CA',
      }
    );
    assert.deepEqual(
      order.lines.map((line) => line.name),
      ['Tasse de camping émaillée', 'Sticker pack (6)']
    );
    const stored = await store.get(order.id);
    assert.deepEqual(
      stored!.lines.map((line) => line.name),
      ['Tasse de camping émaillée', 'Sticker pack (6)']
    );
    const email = composeOrderEmail('order.paid', stored!, {
      shopName: 'Field Supply Co.',
      messageId: '<t@example.com>',
    })!;
    assert.match(email.text, /Tasse de camping émaillée × 2/);
    assert.match(email.html, /Tasse de camping émaillée × 2/);
    assert.match(email.subject, /votre commande/);
  });
});
