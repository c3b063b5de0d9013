/** A product: its prices per currency, how many one cart may hold, whether it ships, its tax. */
import {z} from 'zod';
import {amountsSchema, idSchema, skuSchema} from './fields.js';

export const productSchema = z
  .object({
    sku: skuSchema,
    name: z.string().trim().min(1).max(127),
    description: z.string().max(500).optional(),
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
