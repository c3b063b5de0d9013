/**
 * `/v1/tax_rates` (docs.stripe.com/api/tax_rates): create and retrieve. A rate is `inclusive`
 * (the price already contains it: Checkout shows the share, the total does not change) or
 * exclusive (added on top); Checkout Sessions apply them through `line_items[][tax_rates]`.
 */
import {Hono} from 'hono';
import type {Env} from '../api/context.js';
import {invalidParams, missingParameter, noSuch} from '../api/errors.js';
import type {Params} from '../api/form.js';
import {
  checkParams,
  readBoolean,
  readEnum,
  readMetadata,
  readString,
} from '../api/params.js';
import {readPercentage} from '../api/percentage.js';
import {newId} from '../core/ids.js';
import {seconds, type Core} from '../core/state.js';
import type {TaxRateJson} from '../core/types.js';

const TAX_TYPES = [
  'amusement_tax',
  'communications_tax',
  'gst',
  'hst',
  'igst',
  'jct',
  'lease_tax',
  'pst',
  'qst',
  'retail_delivery_fee',
  'rst',
  'sales_tax',
  'service_tax',
  'vat',
] as const;

const CREATE_SHAPE = {
  display_name: true,
  percentage: true,
  inclusive: true,
  active: true,
  country: true,
  state: true,
  jurisdiction: true,
  description: true,
  tax_type: true,
  metadata: 'map',
  expand: 'list',
} as const;

function limited(params: Params, key: string, max: number): string | null {
  const value = readString(params, key) ?? null;
  if (value && value.length > max) {
    throw invalidParams(
      `Invalid string: ${key} must be at most ${max} characters.`,
      key
    );
  }
  return value;
}

function readTaxRate(core: Core, params: Params): TaxRateJson {
  const displayName = limited(params, 'display_name', 50);
  if (!displayName) throw missingParameter('display_name');
  const percentage = readPercentage(params, 'percentage', {
    decimals: 4,
    minInclusive: true,
  });
  if (!percentage) throw missingParameter('percentage');
  const inclusive = readBoolean(params, 'inclusive');
  if (inclusive === undefined) throw missingParameter('inclusive');
  const country = readString(params, 'country') ?? null;
  if (country && !/^[A-Z]{2}$/.test(country)) {
    throw invalidParams(
      `Country '${country}' is unknown. Try using a 2-character alphanumeric country code instead, such as 'US', 'EG', or 'GB'.`,
      'country'
    );
  }
  return {
    id: newId('txr'),
    object: 'tax_rate',
    active: readBoolean(params, 'active') ?? true,
    country,
    created: seconds(core),
    description: readString(params, 'description') ?? null,
    display_name: displayName,
    effective_percentage: percentage.value,
    flat_amount: null,
    inclusive,
    jurisdiction: limited(params, 'jurisdiction', 50),
    jurisdiction_level: null,
    livemode: false,
    metadata: readMetadata(params) ?? {},
    percentage: percentage.value,
    rate_type: 'percentage',
    state: readString(params, 'state') ?? null,
    tax_type: readEnum(params, 'tax_type', TAX_TYPES) ?? null,
  };
}

/** The rate in parts per million (a percentage has at most four decimals). */
export function ratePpm(rate: TaxRateJson): number {
  return Math.round(rate.percentage * 10_000);
}

export function findTaxRate(core: Core, id: string, param?: string) {
  const rate = core.state.taxRates.get(id);
  if (!rate) throw noSuch('tax_rate', id, param);
  return rate;
}

export function taxRateRoutes(core: Core) {
  const app = new Hono<Env>();

  app.post('/', (c) => {
    const params = c.get('params');
    checkParams(params, CREATE_SHAPE);
    const rate = readTaxRate(core, params);
    core.state.taxRates.set(rate.id, rate);
    return c.json(rate);
  });

  app.get('/:id', (c) => {
    checkParams(c.get('params'), {expand: 'list'});
    return c.json(findTaxRate(core, c.req.param('id')));
  });

  return app;
}
