/**
 * A product: its name (and its translations), its prices per currency, how many one cart may
 * hold, whether it ships, its tax.
 */
import {z} from 'zod';
import {amountsSchema, idSchema, skuSchema} from './fields.js';
import {translationFor, translationsSchema} from './translations.js';

const nameSchema = z.string().trim().min(1).max(127);
const descriptionSchema = z.string().max(500);

/** One language's name and description; what it leaves out is the product's own. */
const translationSchema = z
  .object({
    name: nameSchema.optional(),
    description: descriptionSchema.optional(),
  })
  .strict()
  .refine(
    (text) => text.name !== undefined || text.description !== undefined,
    'must give a name or a description'
  );

export const productSchema = z
  .object({
    sku: skuSchema,
    /** The name a buyer reads unless `translations` has their language. */
    name: nameSchema,
    description: descriptionSchema.optional(),
    /** The name and description in other languages, chosen for the buyer's locale. */
    translations: translationsSchema(translationSchema).optional(),
    image: z.string().max(500).optional(),
    /** The most a buyer may put in one cart. */
    maxQuantity: z.number().int().min(1).max(9999),
    /** Minor units per currency: {"usd": 2500, "jpy": 3800}. */
    prices: amountsSchema({positive: true}).refine(
      (prices) => Object.keys(prices).length > 0,
      'must price at least one currency'
    ),
    /** False for what is not shipped (downloads, gift cards): no address, no shipping cost. */
    shippable: z.boolean().default(true),
    /** Which of a tax rule's rates applies: "standard", "reduced", …; "zero" is always 0 %. */
    taxCategory: idSchema.default('standard'),
  })
  .strict();

export type Product = z.output<typeof productSchema>;

/**
 * The product's name and description for a buyer in `locale`: its translation for that
 * language (the same language and script, the same region first, as the element and the
 * emails choose), field by field, else its own.
 */
export function productText(
  product: Product,
  locale: string | undefined
): {name: string; description?: string} {
  const own = {
    name: product.name,
    ...(product.description !== undefined && {
      description: product.description,
    }),
  };
  const text = translationFor(product.translations, locale);
  if (!text) return own;
  const description = text.description ?? own.description;
  return {
    name: text.name ?? own.name,
    ...(description !== undefined && {description}),
  };
}

/** The product's name for a buyer in `locale` (productText's, without building the rest). */
export function productName(
  product: Product,
  locale: string | undefined
): string {
  if (!product.translations || !locale) return product.name;
  return translationFor(product.translations, locale)?.name ?? product.name;
}
