/**
 * The merchant's catalog: the only source of prices and of the rules around them (shipping,
 * tax, discount codes). A JSON file, validated at start-up so a typo stops the server with a
 * message that names the file, the product (or zone, rule, code) and the field.
 */
import {readFile} from 'node:fs/promises';
import {z} from 'zod';
import {discountSchema, type Discount} from './discounts.js';
import {productSchema, type Product} from './products.js';
import {shippingSchema, type Shipping} from './shipping.js';
import {taxSchema, type Tax} from './tax.js';

const catalogSchema = z
  .object({
    /** The currency a cart gets when it names none. */
    defaultCurrency: z
      .string()
      .regex(/^[a-z]{3}$/, 'must be a lowercase ISO 4217 code'),
    products: z.array(productSchema).min(1),
    /** Without it nothing is shipped by the checkout: no address is asked, nothing charged. */
    shipping: shippingSchema.optional(),
    /** Without it nothing is taxed. */
    tax: taxSchema.optional(),
    discounts: z.array(discountSchema).default([]),
  })
  .strict()
  .superRefine((catalog, ctx) => {
    const skus = new Set<string>();
    catalog.products.forEach((product, index) => {
      if (skus.has(product.sku)) {
        ctx.addIssue({
          code: 'custom',
          path: ['products', index, 'sku'],
          message: `duplicates "${product.sku}"`,
        });
      }
      skus.add(product.sku);
    });
    if (!catalog.products.some((p) => catalog.defaultCurrency in p.prices)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultCurrency'],
        message: 'is not priced by any product',
      });
    }
    // A category no rule names would silently be taxed at the standard rate: a typo, surely.
    if (catalog.tax) {
      const categories = new Set(['standard', 'zero']);
      for (const rule of catalog.tax.rules) {
        for (const category of Object.keys(rule.rates))
          categories.add(category);
      }
      catalog.products.forEach((product, index) => {
        if (!categories.has(product.taxCategory)) {
          ctx.addIssue({
            code: 'custom',
            path: ['products', index, 'taxCategory'],
            message: `"${product.taxCategory}" is a rate of no tax rule`,
          });
        }
      });
    }
    const codes = new Set<string>();
    catalog.discounts.forEach((discount, index) => {
      if (codes.has(discount.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['discounts', index, 'code'],
          message: `duplicates "${discount.code}" (codes are matched in any case)`,
        });
      }
      codes.add(discount.code);
      discount.skus?.forEach((sku, i) => {
        if (!skus.has(sku)) {
          ctx.addIssue({
            code: 'custom',
            path: ['discounts', index, 'skus', i],
            message: `"${sku}" is not a product`,
          });
        }
      });
    });
  });

export interface Catalog {
  defaultCurrency: string;
  products: Product[];
  shipping?: Shipping;
  tax?: Tax;
  discounts: Discount[];
  bySku: ReadonlyMap<string, Product>;
  /** Codes in uppercase. */
  byCode: ReadonlyMap<string, Discount>;
  /** Every currency at least one product is priced in. */
  currencies: ReadonlySet<string>;
}

export class CatalogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogError';
  }
}

/** Validates parsed JSON; `source` names the file in error messages. */
export function parseCatalog(data: unknown, source = 'catalog'): Catalog {
  const result = catalogSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  - ${describePath(data, issue.path)} ${issue.message}`
    );
    throw new CatalogError(
      `Invalid catalog ${source}:\n${problems.join('\n')}`
    );
  }
  const catalog = result.data;
  return {
    ...catalog,
    bySku: new Map(catalog.products.map((p) => [p.sku, p])),
    byCode: new Map(catalog.discounts.map((d) => [d.code, d])),
    currencies: new Set(catalog.products.flatMap((p) => Object.keys(p.prices))),
  };
}

export async function loadCatalog(path: string): Promise<Catalog> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CatalogError(
      `Cannot read the catalog ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CatalogError(
      `The catalog ${path} is not valid JSON: ${(error as Error).message}`
    );
  }
  return parseCatalog(data, path);
}

/**
 * `product 2 ("mug"), field "prices.usd"`, `discounts[1] ("MUGS5"), field "amountOff.usd"`,
 * `shipping zone 0 ("eu"), rate 1 ("express"), field "prices.eur.flat"`: what a merchant can
 * find in their file, rather than a bare path.
 */
function describePath(data: unknown, path: PropertyKey[]): string {
  const at = (value: unknown, key: PropertyKey): unknown =>
    value !== null && typeof value === 'object'
      ? (value as Record<PropertyKey, unknown>)[key]
      : undefined;
  // "name 3" plus the item's own id in quotes when it has a readable one.
  const item = (name: string, list: unknown, index: number, key: string) => {
    const id = at(at(list, index), key);
    return `${name} ${index}${typeof id === 'string' ? ` ("${id}")` : ''}`;
  };
  const field = (rest: PropertyKey[]) =>
    rest.length ? `field "${rest.map(String).join('.')}"` : undefined;
  const join = (...parts: (string | undefined)[]) =>
    parts.filter(Boolean).join(', ');
  const [section, index, ...rest] = path;

  if (section === 'products' && typeof index === 'number') {
    return join(
      item('product', at(data, 'products'), index, 'sku'),
      field(rest)
    );
  }
  if (section === 'discounts' && typeof index === 'number') {
    const code = at(at(at(data, 'discounts'), index), 'code');
    return join(
      `discounts[${index}]${typeof code === 'string' ? ` ("${code}")` : ''}`,
      field(rest)
    );
  }
  if (
    section === 'shipping' &&
    index === 'zones' &&
    typeof rest[0] === 'number'
  ) {
    const zones = at(at(data, 'shipping'), 'zones');
    const zone = `shipping ${item('zone', zones, rest[0], 'id')}`;
    if (rest[1] === 'rates' && typeof rest[2] === 'number') {
      const rates = at(at(zones, rest[0]), 'rates');
      return join(
        zone,
        item('rate', rates, rest[2], 'id'),
        field(rest.slice(3))
      );
    }
    return join(zone, field(rest.slice(1)));
  }
  if (section === 'tax' && index === 'rules' && typeof rest[0] === 'number') {
    const rule = at(at(at(data, 'tax'), 'rules'), rest[0]);
    const country = at(rule, 'country');
    const region = at(rule, 'region');
    const name =
      typeof country === 'string'
        ? ` (${country}${typeof region === 'string' ? `-${region}` : ''})`
        : '';
    return join(`tax rule ${rest[0]}${name}`, field(rest.slice(1)));
  }
  return path.length ? `field "${path.map(String).join('.')}"` : 'the file';
}
