/**
 * `shipping` as PaymentIntents take it (docs.stripe.com/api/payment_intents/create#create_payment_intent-shipping)
 * and Checkout's `payment_intent_data[shipping]`: `name` and `address` are required; inside the
 * address only Checkout's variant requires `line1` (stripe-node: `AddressParam` vs
 * `ShippingAddressParam`). An empty `shipping=` unsets it on update.
 */
import type Stripe from 'stripe';
import {invalidParams, missingParameter} from './errors.js';
import type {Params} from './form.js';
import {readObject, readString, type Shape} from './params.js';

const ADDRESS_SHAPE: Shape = {
  line1: true,
  line2: true,
  city: true,
  state: true,
  postal_code: true,
  country: true,
};

export const SHIPPING_SHAPE: Shape = {
  name: true,
  phone: true,
  carrier: true,
  tracking_number: true,
  address: ADDRESS_SHAPE,
};

export type ShippingJson = Stripe.PaymentIntent.Shipping;

function text(params: Params, key: string): string | null {
  return readString(params, key) ?? null;
}

/** `null` when sent empty (unset), `undefined` when absent. */
export function readShipping(
  params: Params,
  key: string,
  {line1Required = false, name = key} = {}
): ShippingJson | null | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (value === '') return null;
  const shipping = readObject(params, key)!;
  const recipient = readString(shipping, 'name');
  if (!recipient) throw missingParameter(`${name}[name]`);
  const address = readObject(shipping, 'address');
  if (!address) throw missingParameter(`${name}[address]`);
  if (line1Required && !readString(address, 'line1')) {
    throw missingParameter(`${name}[address][line1]`);
  }
  const country = text(address, 'country');
  if (country !== null && !/^[A-Za-z]{2}$/.test(country)) {
    throw invalidParams(
      `Country '${country}' is unknown. Try using a 2-character alphanumeric country code instead, such as 'US', 'EG', or 'GB'. A full list of country codes is available at https://stripe.com/docs/api#country_codes`,
      `${name}[address][country]`
    );
  }
  return {
    address: {
      city: text(address, 'city'),
      country,
      line1: text(address, 'line1'),
      line2: text(address, 'line2'),
      postal_code: text(address, 'postal_code'),
      state: text(address, 'state'),
    },
    carrier: text(shipping, 'carrier'),
    name: recipient,
    phone: text(shipping, 'phone'),
    tracking_number: text(shipping, 'tracking_number'),
  };
}
