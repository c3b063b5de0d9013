/**
 * `/v1/checkout/sessions`: create, retrieve, list, list line items and expire
 * (docs.stripe.com/api/checkout/sessions). Parameters are read in params.ts and line-items.ts, the
 * session's life is flow.ts; the buyer pays on the hosted page (hosted-page.ts).
 */
import {Hono} from 'hono';
import {requestInfo, type Auth, type Env} from '../api/context.js';
import {
  invalidParams,
  invalidRequest,
  missingParameter,
} from '../api/errors.js';
import type {Params} from '../api/form.js';
import {PAGINATION, paginate} from '../api/lists.js';
import {
  checkParams,
  readEmail,
  readEnum,
  readList,
  readMetadata,
  readObject,
  readString,
} from '../api/params.js';
import {readShipping} from '../api/shipping.js';
import {randomString} from '../core/ids.js';
import {
  seconds,
  type CheckoutSessionRecord,
  type Core,
  type PaymentIntentData,
} from '../core/state.js';
import type {
  CheckoutSessionJson,
  LineItemJson,
  ListJson,
} from '../core/types.js';
import {viewIntent} from '../payment-intents/view.js';
import {
  readPaymentMethodTypes,
  withLegacyTypes,
} from '../payment-methods/types.js';
import {expire, expireDue, findSession, intentOf, pageUrl} from './flow.js';
import {amountFields, readSessionAmounts} from './amounts.js';
import {
  CREATE_SHAPE,
  LOCALES,
  UNSUPPORTED,
  readExpiresAt,
  readUiMode,
  readUrl,
} from './params.js';

const SECRET: Auth = {kind: 'secret', key: ''};

/** Stripe's session ids are `cs_test_` and 58 more characters. */
function newSessionId(): string {
  return `cs_test_${randomString(58)}`;
}

function checkExpand(expand: readonly string[], allowed: readonly string[]) {
  for (const path of expand) {
    if (!allowed.includes(path)) {
      throw invalidParams(
        `This property cannot be expanded (${path}).`,
        'expand'
      );
    }
  }
}

function lineItemList(
  core: Core,
  record: CheckoutSessionRecord,
  params: Params,
  expand: readonly string[]
): ListJson<LineItemJson> {
  const list = paginate(
    record.lineItems,
    params,
    `/v1/checkout/sessions/${record.session.id}/line_items`,
    'item'
  );
  const data = structuredClone(list.data);
  if (expand.includes('data.price.product')) {
    for (const item of data) {
      const product = core.state.products.get(item.price.product as string);
      if (product) item.price.product = structuredClone(product);
    }
  }
  return {...list, data};
}

/** The session as a caller sees it; `expand[]` swaps `payment_intent` for the object. */
export function viewSession(
  core: Core,
  record: CheckoutSessionRecord,
  expand: readonly string[] = []
): Record<string, unknown> {
  const view: Record<string, unknown> = structuredClone(record.session);
  for (const path of expand) {
    if (path === 'payment_intent') {
      const intent = intentOf(core, record);
      view.payment_intent = intent
        ? viewIntent(core, intent.intent, SECRET)
        : null;
    } else if (path === 'line_items') {
      view.line_items = lineItemList(core, record, {}, []);
    }
  }
  return view;
}

function readPaymentIntentData(params: Params): PaymentIntentData {
  const data = readObject(params, 'payment_intent_data') ?? {};
  const name = (key: string) => `payment_intent_data[${key}]`;
  const captureMethod = readEnum(
    data,
    'capture_method',
    ['automatic', 'automatic_async', 'manual'],
    name('capture_method')
  );
  if (captureMethod === 'manual') {
    throw invalidParams(
      'The Stripe emulator does not support capture_method=manual.',
      name('capture_method')
    );
  }
  const receiptEmail = readEmail(data, 'receipt_email');
  return {
    shipping:
      readShipping(data, 'shipping', {
        line1Required: true,
        name: name('shipping'),
      }) ?? null,
    metadata: readMetadata(data, {}, 'metadata') ?? {},
    description: readString(data, 'description') ?? null,
    receiptEmail: receiptEmail ?? null,
    statementDescriptorSuffix:
      readString(data, 'statement_descriptor_suffix') ?? null,
    captureMethod,
  };
}

export function checkoutSessionRoutes(core: Core) {
  const app = new Hono<Env>();

  app.post('/', (c) => {
    const params = c.get('params');
    const apiVersion = c.get('apiVersion');
    checkParams(params, withLegacyTypes(CREATE_SHAPE, apiVersion), UNSUPPORTED);
    const mode = readEnum(params, 'mode', ['payment', 'setup', 'subscription']);
    if (!mode) throw missingParameter('mode');
    if (mode !== 'payment') {
      throw invalidParams(
        `The Stripe emulator supports only mode=payment, not ${mode}.`,
        'mode'
      );
    }
    const uiMode = readUiMode(params, apiVersion);
    const expand = readList(params, 'expand') ?? [];
    checkExpand(expand, ['payment_intent', 'line_items']);
    const allowed = readPaymentMethodTypes(
      params,
      'allowed_payment_method_types'
    );
    readPaymentMethodTypes(params, 'payment_method_types');
    const amounts = readSessionAmounts(core, params);
    const {lineItems, currency} = amounts;
    const successUrl = readUrl(params, 'success_url');
    const cancelUrl = readUrl(params, 'cancel_url');
    const customerEmail = readEmail(params, 'customer_email') ?? null;
    const clientReferenceId = readString(params, 'client_reference_id') ?? null;
    if (clientReferenceId && clientReferenceId.length > 200) {
      throw invalidParams(
        'client_reference_id must be at most 200 characters long.',
        'client_reference_id'
      );
    }
    const metadata = readMetadata(params) ?? {};
    const paymentIntentData = readPaymentIntentData(params);
    const locale = readEnum(params, 'locale', LOCALES) ?? null;
    const created = seconds(core);
    const expiresAt = readExpiresAt(params, created);

    const id = newSessionId();
    const session: CheckoutSessionJson = {
      id,
      object: 'checkout.session',
      adaptive_pricing: null,
      after_expiration: null,
      allow_promotion_codes: null,
      allowed_payment_method_types: allowed ?? null,
      automatic_tax: {
        enabled: false,
        liability: null,
        provider: null,
        status: null,
      },
      billing_address_collection: null,
      cancel_url: cancelUrl,
      client_reference_id: clientReferenceId,
      client_secret: null,
      collected_information: null,
      consent: null,
      consent_collection: null,
      created,
      currency,
      currency_conversion: null,
      custom_fields: [],
      custom_text: {
        after_submit: null,
        shipping_address: null,
        submit: null,
        terms_of_service_acceptance: null,
      },
      customer: null,
      customer_account: null,
      // Stripe's default in payment mode since API version 2022-08-01.
      customer_creation: 'if_required',
      customer_details: customerEmail
        ? {
            address: null,
            business_name: null,
            email: customerEmail,
            individual_name: null,
            name: null,
            phone: null,
            tax_exempt: 'none',
            tax_ids: null,
          }
        : null,
      customer_email: customerEmail,
      expires_at: expiresAt,
      integration_identifier: null,
      invoice: null,
      invoice_creation: {
        enabled: false,
        invoice_data: {
          account_tax_ids: null,
          custom_fields: null,
          description: null,
          footer: null,
          issuer: null,
          metadata: {},
          rendering_options: null,
        },
      },
      livemode: false,
      locale,
      managed_payments: null,
      metadata,
      mode: 'payment',
      origin_context: null,
      payment_intent: null,
      payment_link: null,
      payment_method_collection: 'if_required',
      payment_method_configuration_details: null,
      payment_method_options: {},
      payment_method_types: ['card'],
      payment_status: 'unpaid',
      permissions: null,
      phone_number_collection: {enabled: false},
      recovered_from: null,
      saved_payment_method_options: null,
      setup_intent: null,
      status: 'open',
      submit_type: null,
      subscription: null,
      success_url: successUrl,
      ui_mode: uiMode,
      url: pageUrl(new URL(c.req.url).origin, id),
      wallet_options: null,
      ...amountFields(
        amounts.totals,
        amounts.coupon,
        amounts.shippingRates,
        amounts.collection
      ),
    };
    const record: CheckoutSessionRecord = {
      session,
      lineItems,
      paymentIntentData,
      inclusiveTax: amounts.totals.inclusiveTax,
    };
    for (const product of amounts.products)
      core.state.products.set(product.id, product);
    for (const rate of amounts.newShippingRates)
      core.state.shippingRates.set(rate.id, rate);
    core.state.checkoutSessions.set(id, record);
    return c.json(viewSession(core, record, expand));
  });

  app.get('/', (c) => {
    const params = c.get('params');
    checkParams(
      params,
      {
        ...PAGINATION,
        payment_intent: true,
        status: true,
        expand: 'list',
      },
      [
        'created',
        'customer',
        'customer_account',
        'customer_details',
        'payment_link',
        'subscription',
      ]
    );
    const expand = readList(params, 'expand') ?? [];
    checkExpand(expand, ['data.payment_intent', 'data.line_items']);
    const status = readEnum(params, 'status', ['open', 'complete', 'expired']);
    const paymentIntent = readString(params, 'payment_intent');
    expireDue(core);
    const all = [...core.state.checkoutSessions.values()]
      .reverse()
      .filter(
        ({session}) =>
          (!status || session.status === status) &&
          (!paymentIntent || session.payment_intent === paymentIntent)
      );
    const list = paginate(
      all.map((record) => ({id: record.session.id, record})),
      params,
      '/v1/checkout/sessions',
      'checkout.session'
    );
    const inner = expand.map((path) => path.replace(/^data\./, ''));
    return c.json({
      ...list,
      data: list.data.map(({record}) => viewSession(core, record, inner)),
    });
  });

  app.get('/:id', (c) => {
    const params = c.get('params');
    checkParams(params, {expand: 'list'});
    const expand = readList(params, 'expand') ?? [];
    checkExpand(expand, ['payment_intent', 'line_items']);
    const record = findSession(core, c.req.param('id'));
    return c.json(viewSession(core, record, expand));
  });

  app.get('/:id/line_items', (c) => {
    const params = c.get('params');
    checkParams(params, {...PAGINATION, expand: 'list'});
    const expand = readList(params, 'expand') ?? [];
    checkExpand(expand, ['data.price.product']);
    const record = findSession(core, c.req.param('id'));
    return c.json(lineItemList(core, record, params, expand));
  });

  app.post('/:id/expire', (c) => {
    const params = c.get('params');
    checkParams(params, {expand: 'list'});
    const expand = readList(params, 'expand') ?? [];
    checkExpand(expand, ['payment_intent', 'line_items']);
    const record = findSession(core, c.req.param('id'));
    const status = record.session.status;
    if (status !== 'open') {
      throw invalidRequest(
        `This Checkout Session has a status of ${status}. Only a Checkout Session with a status of open can be expired.`
      );
    }
    expire(core, record, requestInfo(c));
    return c.json(viewSession(core, record, expand));
  });

  return app;
}
