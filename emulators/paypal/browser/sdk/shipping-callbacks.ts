/**
 * The merchant's shipping callbacks, run when the buyer changes the address or the option in
 * the approval window (PayPal's JS SDK reference: `onShippingAddressChange(data, actions)` with
 * `data.shippingAddress` {city, state, countryCode, postalCode}, `onShippingOptionsChange` with
 * `data.selectedShippingOption`; `actions.reject(data.errors.…)` keeps the buyer in the window
 * with that sentence). The merchant PATCHes the order from its server in the callback; the
 * window then shows the order as it is. Without a callback, every change is accepted.
 */
import type {PayPalButtonsComponentOptions} from '@paypal/paypal-js';
import type {Api} from './api.js';
import type {ShippingHandler} from './popup.js';

type Options = PayPalButtonsComponentOptions;
type AddressData = Parameters<
  NonNullable<Options['onShippingAddressChange']>
>[0];
type AddressActions = Parameters<
  NonNullable<Options['onShippingAddressChange']>
>[1];
type OptionsData = Parameters<
  NonNullable<Options['onShippingOptionsChange']>
>[0];
type OptionsActions = Parameters<
  NonNullable<Options['onShippingOptionsChange']>
>[1];

// `data.errors`: the sentences PayPal shows for each reason (its wording, as its docs give it).
const ADDRESS_ERRORS = {
  ADDRESS_ERROR: 'Your order can’t be shipped to this address.',
  COUNTRY_ERROR: 'Your order can’t be shipped to this country.',
  STATE_ERROR: 'Your order can’t be shipped to this state.',
  ZIP_ERROR: 'Your order can’t be shipped to this zip.',
};
const OPTION_ERRORS = {
  METHOD_UNAVAILABLE:
    'The shipping method you chose is unavailable. To continue, choose another way to get your order.',
  STORE_UNAVAILABLE: 'Part of your order isn’t available at this store.',
};

function notEmulated(): never {
  throw new Error(
    'actions.buildOrderPatchPayload() is not emulated: PATCH the order from your server.'
  );
}

export function shippingHandler(
  api: Api,
  options: () => Options,
  orderID: string
): ShippingHandler {
  return async (message) => {
    const current = options();
    const callback =
      message.type === 'shipping-address'
        ? current.onShippingAddressChange
        : current.onShippingOptionsChange;
    if (!callback) return {ok: true};
    const unit = (await api.getOrder(orderID)).purchase_units?.[0];
    const amount = {
      currencyCode: unit?.amount?.currency_code ?? '',
      value: unit?.amount?.value ?? '',
    };
    let rejected: {message?: string} | undefined;
    const reject = async (sentence?: string) => {
      rejected = {message: sentence};
    };
    let fallback: string;
    try {
      if (message.type === 'shipping-address') {
        fallback = ADDRESS_ERRORS.ADDRESS_ERROR;
        const data: AddressData & {errors: typeof ADDRESS_ERRORS} = {
          orderID,
          amount,
          shippingAddress: {
            city: message.address.city ?? '',
            state: message.address.state ?? '',
            countryCode: message.address.countryCode,
            postalCode: message.address.postalCode ?? '',
          },
          errors: ADDRESS_ERRORS,
        };
        const actions: AddressActions = {
          reject,
          buildOrderPatchPayload: notEmulated,
        };
        await current.onShippingAddressChange!(data, actions);
      } else {
        fallback = OPTION_ERRORS.METHOD_UNAVAILABLE;
        const option = unit?.shipping?.options?.find(
          (o) => o.id === message.optionId
        );
        if (!option) return {ok: false, message: fallback};
        const data: OptionsData & {errors: typeof OPTION_ERRORS} = {
          orderID,
          selectedShippingOption: {
            id: option.id,
            label: option.label,
            type: option.type === 'PICKUP' ? 'PICKUP' : 'SHIPPING',
            selected: true,
            amount: {
              currencyCode: option.amount?.currency_code ?? amount.currencyCode,
              value: option.amount?.value ?? '0',
            },
          },
          errors: OPTION_ERRORS,
        };
        const actions: OptionsActions = {
          reject,
          buildOrderPatchPayload: notEmulated,
        };
        await current.onShippingOptionsChange!(data, actions);
      }
    } catch (error) {
      // A callback that throws leaves the order as it was: the buyer is asked to choose again.
      console.error(error);
      return {ok: false, message: ADDRESS_ERRORS.ADDRESS_ERROR};
    }
    const refusal = rejected as {message?: string} | undefined;
    return refusal
      ? {ok: false, message: refusal.message ?? fallback}
      : {ok: true};
  };
}
