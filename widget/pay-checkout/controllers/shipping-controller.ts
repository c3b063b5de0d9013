/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Where the cart ships to, in <pay-checkout>: the address the buyer gives (the element's own
 * form, or a provider's that collects it itself, such as Stripe's Address Element) and the
 * shipping rate they pick, both part of every quote and every payment. Only the parts that
 * price (country, region, postal code) re-quote; the others ride along with the next request.
 * An address the shop does not ship to (`shipping_not_available`, from a quote or an order) is
 * said at the address and stops Pay until the buyer changes it. The form, the rates, their
 * rules, strings and styles are a lazily loaded chunk (../shipping-form.ts), fetched with the
 * first quote that ships: a shop of digital goods downloads none of it.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Address, Quote} from '../../contract.js';
import {addStyles} from '../../internal/add-styles.js';
import {emit, type ProviderName} from '../../internal/events.js';
import type {Messages} from '../../internal/messages.js';
import {
  ADDRESS_FIELDS,
  type AddressDraft,
  type AddressField,
  type AddressProblem,
} from '../../internal/address.js';
import type {CheckoutDetails} from '../../internal/providers/provider.js';

/** The fields a quote is priced by (zones by country, tax by country and region). */
const PRICED: readonly AddressField[] = ['country', 'region', 'postalCode'];

const EMPTY: AddressDraft = {
  name: '',
  country: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
};

/** The draft as the contract's Address (empty fields left out); none without a country. */
export function toAddress(draft: AddressDraft): Address | undefined {
  const country = draft.country.trim().toUpperCase();
  if (!country) return undefined;
  const address: Address = {country};
  for (const field of ADDRESS_FIELDS) {
    const value = draft[field].trim();
    if (field !== 'country' && value) address[field] = value;
  }
  return address;
}

function toDraft(address: Address | undefined): AddressDraft {
  const draft = {...EMPTY};
  for (const field of ADDRESS_FIELDS) draft[field] = address?.[field] ?? '';
  return draft;
}

const pricedKey = (draft: AddressDraft) =>
  PRICED.map((field) => draft[field].trim().toUpperCase()).join('|');

interface ShippingOptions {
  messages: () => Messages;
  /** The quote shown: whether the cart ships, its rates. */
  quote: () => Quote | null;
  /** Whether the shown provider collects the address in its own UI (then this form is not shown). */
  providerCollects: () => boolean;
  /** The element's `_setDetails`: re-quotes unless `requote` is false. */
  setDetails: (patch: Partial<CheckoutDetails>, requote: boolean) => void;
  /** Clears the element's error region (the refusal is said at the address instead). */
  dismissError: () => void;
  /** Where the form's inputs are (`#shipping-<field>`), to give one the focus. */
  root: () => ParentNode | null | undefined;
}

export class ShippingController implements ReactiveController {
  /** The address as the buyer typed it (or as the provider's form last reported it). */
  draft: AddressDraft = {...EMPTY};
  /** What the buyer has been told is wrong, per field. */
  problems: Partial<Record<AddressField, AddressProblem>> = {};
  /** The country (code) the server said it does not ship to, until the address changes. */
  unavailable = '';
  /** The form, the rates and their rules (../shipping-form.ts), once loaded. */
  view?: typeof import('../shipping-form.js');
  private _loading?: Promise<void>;

  private readonly _host: ReactiveControllerHost & HTMLElement;
  private readonly _options: ShippingOptions;
  /** The priced part of the address last sent, to re-quote only when it changes. */
  private _published = pricedKey(EMPTY);

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    options: ShippingOptions
  ) {
    this._host = host;
    this._options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this._host.addEventListener('pay-error', this._onError);
    this._host.addEventListener('pay-change', this._onQuote);
  }

  hostDisconnected(): void {
    this._host.removeEventListener('pay-error', this._onError);
    this._host.removeEventListener('pay-change', this._onQuote);
  }

  /** The first quote that ships fetches the chunk. */
  hostUpdate(): void {
    if (this.needed) void this.load();
  }

  /** Loads the shipping chunk once (again after a failure, with the next quote). */
  load(): Promise<void> {
    this._loading ??= import('../shipping-form.js').then(
      (chunk) => {
        const root = this._host.shadowRoot;
        if (root) addStyles(root, chunk.styles);
        this.view = chunk;
        this._host.requestUpdate();
      },
      (error: unknown) => {
        this._loading = undefined;
        console.warn(
          '<pay-checkout>: the shipping form could not load.',
          error
        );
      }
    );
    return this._loading;
  }

  /** The cart ships: an address and a rate are asked for. */
  get needed(): boolean {
    return !!this._options.quote()?.requiresShipping;
  }

  /** The shop does not ship to the address given: Pay waits for another. */
  get blocked(): boolean {
    return this.needed && !!this.unavailable;
  }

  /** Forgets what the buyer was told (the element reconnected); the address stays. */
  reset(): void {
    this.problems = {};
    this.unavailable = '';
    this._host.requestUpdate();
  }

  /**
   * Before paying: is the address complete, and one the shop ships to? If not, each field
   * says why; with `announce`, the first wrong one takes the focus and `pay-error` fires with
   * `invalid_address` (not when another field of the element already did both). A provider
   * that collects the address itself checks it in its own submit step.
   */
  check(provider: ProviderName, announce = true): boolean {
    if (!this.needed) return true;
    if (this.unavailable) {
      if (announce) this._focus('country');
      return false;
    }
    // Without the form (its chunk did not load) the server's answer is the check.
    const rules = this.view;
    if (this._options.providerCollects() || !rules) return true;
    const problems: ShippingController['problems'] = {};
    for (const field of ADDRESS_FIELDS) {
      const problem = rules.fieldProblem(this.draft, field);
      if (problem) problems[field] = problem;
    }
    this.problems = problems;
    this._host.requestUpdate();
    const first = ADDRESS_FIELDS.find((field) => problems[field]);
    if (!first) return true;
    if (announce) {
      this._focus(first);
      const message = this._options.messages().errors.invalid_address!;
      emit(this._host, 'pay-error', {
        code: 'invalid_address',
        message,
        provider,
      });
    }
    return false;
  }

  /** The buyer typed in a field (or picked a country or region). */
  readonly onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    const field = input.name as AddressField;
    const rules = this.view!;
    const draft = {...this.draft, [field]: input.value};
    if (
      field === 'country' &&
      rules.clearsRegion(this.draft.country, draft.country)
    )
      draft.region = '';
    this.draft = draft;
    // A message already shown follows the fix (the country decides what the region and the
    // postal code need, so their messages follow it too).
    const shown = field === 'country' ? ADDRESS_FIELDS : [field];
    for (const name of shown)
      if (this.problems[name])
        this._tell(name, rules.fieldProblem(draft, name));
    this._publish();
  };

  /** The buyer left a field: something wrong in it says so at once; an empty one waits for Pay. */
  readonly onChange = (event: Event): void => {
    const field = (event.target as HTMLInputElement).name as AddressField;
    if (this.draft[field].trim() && this.view)
      this._tell(field, this.view.fieldProblem(this.draft, field));
  };

  /** The buyer picked a shipping rate. */
  readonly onRate = (event: Event): void => {
    const id = (event.target as HTMLInputElement).value;
    this._options.setDetails({shippingRate: id}, true);
  };

  /** The provider's own address form changed (Stripe's Address Element `change`). */
  fromProvider(address: Address | undefined): void {
    this.draft = toDraft(address);
    this._publish();
  }

  /** The address to prefill a provider's own form with. */
  address(): Address | undefined {
    return toAddress(this.draft);
  }

  private _publish(): void {
    const key = pricedKey(this.draft);
    const priced = key !== this._published;
    this._published = key;
    if (priced) this.unavailable = '';
    // The draft is shown (and a re-quote that is already pending renders nothing new).
    this._host.requestUpdate();
    this._options.setDetails({shippingAddress: toAddress(this.draft)}, priced);
  }

  private _tell(field: AddressField, problem: AddressProblem | undefined) {
    if (this.problems[field] === problem) return;
    const problems = {...this.problems};
    if (problem) problems[field] = problem;
    else delete problems[field];
    this.problems = problems;
    this._host.requestUpdate();
  }

  private _focus(field: AddressField): void {
    void this._host.updateComplete.then(() =>
      this._options
        .root()
        ?.querySelector<HTMLElement>(`#shipping-${field}`)
        ?.focus()
    );
  }

  /** The server refused the address: said at the address, not in the element's error region. */
  private readonly _onError = (event: Event): void => {
    const {code} = (event as CustomEvent<{code: string}>).detail;
    if (code !== 'shipping_not_available' || !this.needed) return;
    this.unavailable = this.draft.country.toUpperCase() || '?';
    this._options.dismissError();
    this._host.requestUpdate();
  };

  /** A quote came: the address it priced is one the shop ships to. */
  private readonly _onQuote = (): void => {
    if (!this.unavailable) return;
    this.unavailable = '';
    this._host.requestUpdate();
  };
}
