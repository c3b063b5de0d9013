/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * <pay-checkout> itself, in the initial download: its public properties, attributes and
 * methods, the skeleton, and at connect the requests the first form needs (./head-start.ts:
 * config, quote, the provider's code) together with the checkout chunk (./checkout.ts), which
 * does the rest. Lit, this class and the API client are the whole initial download; the
 * chunk's modules never run before the element connects (nor at all in Node).
 */
import {LitElement, html, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import type {CartItem} from '../contract.js';
import {emit} from '../internal/events.js';
import type {Checkout} from './checkout.js';
import type {HeadStart} from './controllers/session.js';
import {headStart} from './head-start.js';
import styles from './pay-checkout.styles.js';
import {skeleton} from './templates/skeleton.js';

/**
 * @summary A checkout you drop into any page: the cart priced by the companion server, the
 * payment provider's form (Stripe's Payment Element, Square's card form or Braintree's Drop-in
 * and a Pay button, or PayPal's buttons), and the result.
 *
 * Lines and totals are always the server's quote, never prices from the page. Provider
 * iframes cannot live in shadow DOM, so the element creates light-DOM children
 * (`<div slot="stripe-payment-element">`, `<div slot="paypal-buttons">`,
 * `<div slot="square-card">`, `<div slot="braintree-dropin">`) and shows them
 * through named slots. A page that rewrites the cart should replace only the `<pay-item>`
 * children and leave these in place (removing one removes the provider's form).
 *
 * Rendered inside another component's shadow root (a Lit or Stencil component's template),
 * the element's light DOM is still in a shadow tree, where the providers refuse to mount.
 * Then each provider's form goes into a node of the document itself, placed right after the
 * outermost shadow host, and is kept over a placeholder in the element (same size, moved with
 * it on scroll and resize); focus order, events and messages are unchanged. A shop whose
 * header sits above the element through its own stacking may see the form paint over it.
 *
 * `provider` lists the providers to offer: `stripe` (card form and Pay button), `paypal`
 * (PayPal's buttons, which start the payment themselves), `square` (Square's card form and
 * Pay button), `braintree` (Braintree's Drop-in card form and the Pay button), or several
 * (`stripe paypal`, `stripe paypal square`, `stripe paypal braintree`), in which case the buyer
 * picks one in a radio group ("Card" / "PayPal" / "Square" / "Card (Braintree)", arrow keys
 * move between them) and only that provider's form is shown. Providers the server is not
 * configured for are not offered, nor Braintree for a currency it has no merchant account for.
 * PayPal's buttons take the `--pay-*` tokens as the nearest PayPal `style`
 * (`height`, `shape`, `borderRadius`, `color`: gold, or blue for a blue brand colour, or
 * black/white for a monochrome one) and are rendered again when the tokens or the currency
 * change.
 *
 * Square's card form (the Web Payments SDK) is offered for the currencies the server has a
 * Square location for; another currency says that Square does not take it. Its inputs take
 * the `--pay-*` tokens through Square's card `style` (background, text and placeholder colours,
 * font family and size up to Square's 16px, border colour and radius, `--pay-color-primary`
 * when focused, `--pay-color-danger` in error) and are restyled in place when they change. Pay
 * asks Square for a single-use token, then runs Square's buyer verification (strong customer
 * authentication: the bank's challenge where the card asks for it) for the total shown, and
 * only then has the server charge it; a field Square's form refuses is named and focused.
 *
 * Braintree's Drop-in is created with a client token for the cart's currency (fetched per
 * checkout), in the element's language, with 3-D Secure when the merchant has it (Pay runs the
 * bank's challenge for the total; a card the bank did not confirm is not charged) and device
 * data for fraud checks. The `--pay-*` tokens reach it as far as Drop-in allows: the text
 * colour, font and error colour inside the card fields (Hosted Fields' `styles` allow-list),
 * and light-DOM rules on its `.braintree-*` classes for borders, backgrounds, radii and focus.
 * Drop-in takes its language and styles when created, so a change of language, theme or
 * currency creates it again (after a payment under way). After a decline its form is cleared
 * for another card (the nonce was single use).
 *
 * The buyer's email is asked for above the payment form (a required `Email` field with
 * `autocomplete="email"`, checked before paying) and sent with the order, together with the
 * element's locale, for the confirmation email. `email` prefills it and follows what the buyer
 * types; `no-email` hides it when the page already knows the address (`email` is still sent).
 *
 * `mode="hosted"` uses Stripe's hosted Checkout instead of the Payment Element: Pay has the
 * server create a Checkout Session and the browser goes to Stripe's page. Stripe sends the
 * buyer back to `return-url` (or this page) with `?pay_checkout_return=success` or `=cancel`;
 * there a `<pay-checkout>` (in any mode, with or without a cart, so a bare element makes a
 * return page) takes the parameters out of the address bar and either confirms the order and
 * fires `pay-success`, or says that nothing was charged and fires `pay-cancel`. PayPal, whose
 * window is a popup, works the same in both modes.
 *
 * `editable` lets the buyer change the cart: each line gets a quantity stepper (− / the
 * quantity / +) and a remove button. Off by default, so a page that owns its cart keeps
 * owning it. The element writes the buyer's edit where the cart comes from (a new `items`
 * array, or the `<pay-item>`'s `quantity` attribute, or removes the `<pay-item>`) and the
 * `pay-change` of the new quote says what changed (`change: {sku, quantity}`, 0 for a
 * removal), so the page can mirror it. A quantity the server refuses (more than the product's
 * maximum) puts the line back and says so under it. Nothing can be edited while paying.
 *
 * `discount-codes` shows a discount-code field ("Have a discount code?"). The code is sent
 * with every quote; an applied one is shown as a chip the buyer can remove, and one that did
 * not apply says why (unknown, expired, minimum not met, used up, not for these items). Only
 * an applied code is sent with the payment.
 *
 * The summary shows the quote's discount, shipping (with the rate's name, "Free" at 0, and
 * only when the cart ships) and tax (added, or "Including VAT" under the total when prices
 * include it). A total changed by a new quote is said politely to screen readers.
 *
 * When the quote says the cart ships (`requiresShipping`), the buyer gives the shipping address
 * and picks a rate before paying. With Stripe embedded that is Stripe's Address Element (shipping
 * mode, which also offers "billing address same as shipping"), mounted in a light-DOM child
 * (`<div slot="stripe-address-element">`) like the Payment Element; otherwise (PayPal, or
 * `mode="hosted"`) it is the element's own form: full name, country (every country, named in
 * the buyer's language), two address lines, city, region (a list of states or provinces for the
 * US and Canada), postal code (where the country has them), each labelled, with the `shipping …`
 * autofill tokens and its own message, checked before Pay like the email. A change of country,
 * region or postal code re-quotes; the rates of the quote are a radio group (name, delivery
 * estimate, amount or "Free"), and an address the shop does not ship to is said at the address
 * and keeps Pay disabled. Billing details are left to the providers, which ask for what they
 * need (Stripe's Payment Element, prefilled with the shipping name and address when known;
 * PayPal's window; Stripe's hosted page): the element has no billing form of its own.
 *
 * @tag pay-checkout
 *
 * @slot - `<pay-item sku quantity>` children: the cart (ignored when `items` is set).
 * @slot stripe-payment-element - Created by the element: where Stripe's Payment Element is mounted.
 * @slot paypal-buttons - Created by the element: where PayPal's buttons are rendered.
 * @slot square-card - Created by the element: where Square's card form is attached.
 * @slot braintree-dropin - Created by the element: where Braintree's Drop-in is created.
 * @slot stripe-address-element - Created by the element when the cart ships and Stripe is shown (embedded): where Stripe's Address Element is mounted.
 *
 * @event {CustomEvent<PayReadyDetail>} pay-ready - The quote is shown and a provider's payment form can be used: Stripe's card form takes input, PayPal's buttons are rendered, Square's card form is attached (with several providers, again for another one when the buyer first picks it). Detail: `{quote, provider}`.
 * @event {CustomEvent<PayChangeDetail>} pay-change - The server answered with a new quote (cart, currency, discount code or address changed, or prices changed at payment). Detail: `{quote, items, change?}`: `items` is the cart it prices; `change` (`{sku, quantity}`, quantity 0 for a removal) is the buyer's last edit of an `editable` cart, which the element has already written to `items` or the `<pay-item>`s. After the buyer removed the last line, `quote` is an empty cart's (no lines, total 0).
 * @event {CustomEvent<PaySubmitDetail>} pay-submit - The buyer pressed Pay (Stripe, Braintree) or a PayPal button. Cancelable: `preventDefault()` stops the payment before any order exists or PayPal's window opens (then `pay-cancel` fires). Detail: `{quote, provider}`.
 * @event {CustomEvent<PaySuccessDetail>} pay-success - The server marked the order paid (on the page a redirect or hosted payment returns to, too). Detail: `{orderId, status, total, currency, provider}`.
 * @event {CustomEvent<PayErrorDetail>} pay-error - Loading or paying failed; `message` is what the buyer was shown (`invalid_email`: the Email field stopped Pay, no order was created; `invalid_address`: the shipping address did; `shipping_not_available`: the shop does not ship to the address, said at the address; `server_not_found`: no companion server answered, set `server`). Detail: `{code, message, provider?, orderId?}`.
 * @event {CustomEvent<PayCancelDetail>} pay-cancel - A payment was abandoned and nothing was charged: `pay-submit` was cancelled (`reason: 'prevented'`) or the buyer closed PayPal's window or came back from Stripe's hosted page without paying (`reason: 'buyer'`). Detail: `{provider, reason}`.
 *
 * @csspart base - The card wrapping everything.
 * @csspart skeleton - The placeholder shown while the quote loads.
 * @csspart summary - The order summary table.
 * @csspart line - One cart line (a table row).
 * @csspart stepper - In an `editable` cart: a line's quantity stepper (a labelled group: −, the quantity, +).
 * @csspart stepper-button - The stepper's − and + buttons.
 * @csspart quantity-input - The stepper's quantity (a number input).
 * @csspart remove-button - A line's remove button.
 * @csspart line-error - Under a line: the server refused its quantity (`role="alert"`).
 * @csspart subtotal - The subtotal row.
 * @csspart discount - The discount row (negative, with the code).
 * @csspart shipping-cost - The shipping row (the rate's name; shown when the cart ships).
 * @csspart tax - The tax row (when tax is added to the prices).
 * @csspart total - The total row.
 * @csspart included-tax - Under the total when prices include tax: "Including VAT €x".
 * @csspart total-announcement - The visually hidden, polite live region that says a changed total.
 * @csspart discount-code - The discount-code field (`discount-codes`): the disclosure and the field, or the applied code.
 * @csspart discount-toggle - The "Have a discount code?" button (a disclosure).
 * @csspart discount-input - The discount-code input.
 * @csspart discount-apply - The Apply button.
 * @csspart discount-error - Why the code did not apply (`role="alert"`, the input's `aria-describedby`).
 * @csspart discount-chip - The applied code ("WELCOME10 applied").
 * @csspart discount-remove - The chip's remove button.
 * @csspart email - The email field: label, input and message.
 * @csspart email-input - The email input.
 * @csspart email-error - The email's message (`role="alert"`, the input's `aria-describedby`).
 * @csspart shipping - When the cart ships: the shipping address and the rates.
 * @csspart address - The shipping address: the element's own form (a fieldset), or the group around the provider's (Stripe's Address Element).
 * @csspart address-field - One field of the element's address form: label, input and message.
 * @csspart address-input - An input or select of the element's address form.
 * @csspart address-error - A field's message (`role="alert"`, the field's `aria-describedby`); under Stripe's Address Element, that the shop does not ship there.
 * @csspart shipping-rates - The shipping rates (a fieldset of radio buttons), or before an address what they wait for.
 * @csspart shipping-rate - One rate (a label around its radio button): name, delivery estimate, amount.
 * @csspart shipping-rate-checked - The chosen rate.
 * @csspart provider-tabs - The choice between providers (a `role="radiogroup"` fieldset), shown when more than one is offered.
 * @csspart provider-tab - One choice (a label around a radio button).
 * @csspart provider-tab-checked - The chosen one.
 * @csspart payment - The wrapper around the provider's form.
 * @csspart hosted-note - In `mode="hosted"`: the line saying the buyer pays on Stripe's page.
 * @csspart submit-button - The Pay button (Stripe, Square and Braintree: PayPal's buttons are PayPal's).
 * @csspart spinner - The progress indicator inside the Pay button.
 * @csspart message - Both message regions.
 * @csspart error - The error region (`role="alert"`).
 * @csspart status - The status region (`role="status"`, polite): confirming, success.
 *
 * @cssproperty [--pay-color-primary=#635bff] - Brand colour: the Pay button, focus rings, Stripe's `colorPrimary`, PayPal's button `color` (dark default #8f89ff).
 * @cssproperty [--pay-color-background=#ffffff] - Card and input background, Stripe's `colorBackground` (dark default #1c1d26).
 * @cssproperty [--pay-color-text=#30313d] - Text colour, Stripe's `colorText` (dark default #ececf1).
 * @cssproperty [--pay-color-danger=#df1b41] - Error accents, Stripe's `colorDanger` (dark default #ff7a93).
 * @cssproperty [--pay-color-text-secondary=#6d6e78] - Quantities, captions, subtotal; Stripe's `colorTextSecondary` (dark default #a9aab6).
 * @cssproperty [--pay-font-family=system-ui] - Font stack, Stripe's `fontFamily`.
 * @cssproperty [--pay-font-size-base=16px] - Base font size, Stripe's `fontSizeBase`.
 * @cssproperty [--pay-spacing-unit=2px] - The spacing scale's unit, Stripe's `spacingUnit`.
 * @cssproperty [--pay-border-radius=6px] - Corner radius of the button and inputs (the card uses twice it), Stripe's `borderRadius`, PayPal's `shape` and `borderRadius`.
 */
export class PayCheckout extends LitElement {
  static override styles = styles;

  /** The checkout chunk's part of the element, once it is in. */
  private _checkout?: Checkout;
  /** The requests sent at connect, until the checkout takes them over. */
  private _head?: HeadStart;
  /** The checkout chunk, requested at the first connect (again after a failure). */
  private _chunk?: Promise<typeof Checkout>;
  /** The checkout chunk did not load: the error region says so. */
  private _failed = false;

  /**
   * Which providers to offer, space-separated: `stripe`, `paypal`, `square`, or several
   * (`stripe paypal square`). Those the server is not configured for are dropped; when more than one remains the buyer
   * chooses, the first being preselected.
   */
  @property() provider = 'stripe';

  /** ISO 4217 code of the cart (`usd`, `EUR`). Empty: the server's default currency. */
  @property() currency = '';

  /** BCP 47 locale for text and money. Empty: the server's, then the page's `<html lang>`, then the browser's. */
  @property() locale = '';

  /**
   * Base URL of the companion server. Empty: the origin this script was loaded from, which is
   * the server only for the script tag it serves; an app that bundles the element sets it.
   */
  @property() server = '';

  /**
   * `embedded`: Stripe's Payment Element inside the element. `hosted`: Pay sends the buyer to
   * Stripe's hosted Checkout page, which returns to `return-url`. PayPal is the same in both.
   */
  @property() mode: 'embedded' | 'hosted' = 'embedded';

  /** Where redirect-based payment methods and Stripe's hosted page return to. Empty: this page. */
  @property({attribute: 'return-url'}) returnUrl = '';

  /** The buyer's email, sent with the order for the confirmation. Prefills the Email field, and follows what the buyer types in it. */
  @property() email = '';

  /** Hides the Email field (the page already knows the address: `email` is sent as it is). */
  @property({type: Boolean, attribute: 'no-email'}) noEmail = false;

  /** The cart as `{sku, quantity}` objects; when set, `<pay-item>` children are ignored. */
  @property({attribute: false}) items: CartItem[] | undefined = undefined;

  /** Lets the buyer change quantities and remove lines (the element updates `items` or the `<pay-item>`s, and `pay-change` says what changed). */
  @property({type: Boolean}) editable = false;

  /** Shows the discount-code field. */
  @property({type: Boolean, attribute: 'discount-codes'}) discountCodes = false;

  // ---- Lifecycle ----------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this._checkout) void this._boot();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._head?.lifetime.abort();
    this._head = undefined;
  }

  /** Config, quote, the provider's code and the checkout chunk, all at once; then the chunk starts. */
  private async _boot(): Promise<void> {
    // Let properties set right after creation (frameworks do) and the first render land.
    await this.updateComplete;
    if (!this.isConnected || this._checkout || this._head) return;
    this._head = headStart(this);
    this._failed = false;
    // `.then` naming the export lets the bundler hand it over without a namespace object.
    this._chunk ??= import('./checkout.js').then((chunk) => chunk.Checkout);
    let CheckoutClass: typeof Checkout;
    try {
      CheckoutClass = await this._chunk;
    } catch {
      this._chunk = undefined;
      this._head?.lifetime.abort();
      this._head = undefined;
      this._failed = true;
      this.requestUpdate();
      emit(this, 'pay-error', {
        code: 'network_error',
        message: 'The checkout could not load.',
      });
      return;
    }
    if (this._checkout) return;
    this._checkout = new CheckoutClass(this, this._head);
    this._head = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated) this._checkout?.willUpdate(changed);
  }

  /** Re-reads the `--pay-*` tokens and re-applies them inside the provider's iframe. Call it after swapping stylesheets; `style`/`class` changes on this element or `<html>` and colour-scheme changes are picked up on their own. */
  refreshTheme(): void {
    this._checkout?.refreshTheme();
  }

  // ---- Rendering ----------------------------------------------------------------------------

  override render() {
    return (
      this._checkout?.render() ??
      html`<div class="base" part="base" aria-busy=${!this._failed}>
        ${
          this._failed
            ? html`<p part="message error" role="alert">
                The checkout could not load.
              </p>`
            : skeleton('')
        }
      </div>`
    );
  }
}
