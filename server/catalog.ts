/**
 * The merchant's catalog: the only source of prices. A JSON file, validated at start-up so a
 * typo stops the server with a message that names the file, the product and the field.
 */
import {readFile} from 'node:fs/promises';
import {z} from 'zod';
import {isKnownCurrency, isValidStripeAmount} from './money.js';

const skuSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    'must be 1–64 letters, digits, ".", "_" or "-"'
  );

const productSchema = z
  .object({
    sku: skuSchema,
    name: z.string().trim().min(1).max(127),
    description: z.string().max(500).optional(),
    image: z.string().max(500).optional(),
    /** The most a buyer may put in one cart. */
    maxQuantity: z.number().int().min(1).max(9999),
    /** Minor units per currency: {"usd": 2500, "jpy": 3800}. */
    prices: z.record(z.string(), z.number()),
  })
  .strict()
  .superRefine((product, ctx) => {
    const entries = Object.entries(product.prices);
    if (entries.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['prices'],
        message: 'must price at least one currency',
      });
    }
    for (const [currency, amount] of entries) {
      if (!/^[a-z]{3}$/.test(currency) || !isKnownCurrency(currency)) {
        ctx.addIssue({
          code: 'custom',
          path: ['prices', currency],
          message: 'is not a lowercase ISO 4217 currency code',
        });
      } else if (!isValidStripeAmount(amount, currency) || amount === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['prices', currency],
          message: `must be a positive whole number of minor units${
            ['bhd', 'iqd', 'jod', 'kwd', 'omr', 'tnd'].includes(currency)
              ? ' ending in 0'
              : ''
          }`,
        });
      }
    }
  });

const catalogSchema = z
  .object({
    /** The currency a cart gets when it names none. */
    defaultCurrency: z
      .string()
      .regex(/^[a-z]{3}$/, 'must be a lowercase ISO 4217 code'),
    products: z.array(productSchema).min(1),
  })
  .strict()
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    catalog.products.forEach((product, index) => {
      if (seen.has(product.sku)) {
        ctx.addIssue({
          code: 'custom',
          path: ['products', index, 'sku'],
          message: `duplicates "${product.sku}"`,
        });
      }
      seen.add(product.sku);
    });
    if (!catalog.products.some((p) => catalog.defaultCurrency in p.prices)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultCurrency'],
        message: 'is not priced by any product',
      });
    }
  });

export type Product = z.infer<typeof productSchema>;
type CatalogData = z.infer<typeof catalogSchema>;

export interface Catalog extends CatalogData {
  bySku: ReadonlyMap<string, Product>;
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

// "products[2] (sku "mug") field prices.usd" reads better than a bare path.
function describePath(data: unknown, path: PropertyKey[]): string {
  if (path[0] === 'products' && typeof path[1] === 'number') {
    const products = (data as {products?: {sku?: unknown}[]}).products;
    const sku = products?.[path[1]]?.sku;
    const product = `product ${path[1]}${typeof sku === 'string' ? ` ("${sku}")` : ''}`;
    const field = path.slice(2).join('.');
    return field ? `${product}, field "${field}"` : product;
  }
  return path.length ? `field "${path.join('.')}"` : 'the file';
}
