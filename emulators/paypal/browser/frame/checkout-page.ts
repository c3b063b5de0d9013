/**
 * The approval page's buttons. The buyer's answer is recorded by the emulator first (so the order
 * really moves), and only then passed on:
 * - opened by the JS SDK (channel and opener origin in the fragment): to the opener, by
 *   postMessage to that one origin. After "Approve" the window stays open ("Processing…") until
 *   the SDK closes it or, after `actions.restart()`, brings it back here; "Cancel" closes it.
 * - opened as a whole page (the order's `approve` link): by going to the order's
 *   return_url / cancel_url, as PayPal redirects.
 *
 * "Ship to" (when the order ships): another address or option goes to the merchant's
 * `onShippingAddressChange` / `onShippingOptionsChange` through the SDK first; only when it
 * accepts (and has PATCHed the order) is the change recorded and the page drawn again with the
 * new amounts. A rejection shows PayPal's sentence and keeps Approve off until a change is
 * accepted.
 */
import {
  decodeWindowParams,
  envelope,
  isEnvelope,
  type CheckoutMessage,
  type ShippingResultMessage,
} from '../protocol.js';

type Choice = 'approve' | 'decline' | 'cancel';

const params = decodeWindowParams(location.hash);
const opener = params ? (window.opener as Window | null) : null;
const body = document.body;
const status = document.getElementById('status');
const buttons = [
  ...document.querySelectorAll<HTMLButtonElement>('.Actions button'),
];

function post(message: CheckoutMessage): void {
  if (params && opener)
    opener.postMessage(envelope(params.channel, message), params.origin);
}

function say(message: string, kind: 'info' | 'error' = 'info'): void {
  if (!status) return;
  status.dataset.kind = kind;
  status.textContent = message;
}

function errorMessage(answer: unknown, httpStatus: number): string {
  const error = answer as {
    details?: {description?: string}[];
    message?: string;
  } | null;
  return (
    error?.details?.[0]?.description ??
    error?.message ??
    `The emulator could not record your answer (HTTP ${httpStatus}).`
  );
}

async function answer(choice: Choice): Promise<void> {
  const orderID = body.dataset.orderId ?? '';
  for (const button of buttons) button.disabled = true;
  say(choice === 'cancel' ? 'Cancelling…' : 'Processing…');
  let response: Response;
  let result: {payer_id?: string; redirect_url?: string | null} | null;
  try {
    response = await fetch(
      `/_emulator/orders/${encodeURIComponent(orderID)}/approve`,
      {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({choice}),
      }
    );
    result = (await response.json().catch(() => null)) as typeof result;
  } catch {
    for (const button of buttons) button.disabled = false;
    return say('The emulator could not be reached. Try again.', 'error');
  }
  if (!response.ok) {
    for (const button of buttons) button.disabled = false;
    return say(errorMessage(result, response.status), 'error');
  }
  if (choice === 'cancel') {
    post({type: 'cancelled', orderID});
    if (opener) return window.close();
    if (result?.redirect_url) return location.assign(result.redirect_url);
    return say('Payment cancelled. You can close this window.');
  }
  post({type: 'approved', orderID, payerID: result?.payer_id ?? ''});
  if (opener)
    return say('Approved. Completing your payment with the merchant…');
  if (result?.redirect_url) return location.assign(result.redirect_url);
  say('Approved. You can close this window.');
}

// ---- Ship to --------------------------------------------------------------------------------

let pendingShipping: ((result: ShippingResultMessage) => void) | undefined;

window.addEventListener('message', (event) => {
  if (!params || event.origin !== params.origin || event.source !== opener)
    return;
  if (!isEnvelope<ShippingResultMessage>(event.data, params.channel)) return;
  if (event.data.type !== 'shipping-result') return;
  pendingShipping?.(event.data);
  pendingShipping = undefined;
});

/** The merchant's verdict on a change; accepted at once without an opener (no callbacks). */
function askMerchant(message: CheckoutMessage): Promise<ShippingResultMessage> {
  if (!params || !opener) {
    return Promise.resolve({type: 'shipping-result', ok: true});
  }
  return new Promise((resolve) => {
    pendingShipping = resolve;
    post(message);
  });
}

async function changeShipping(
  message: CheckoutMessage,
  record: Record<string, unknown>
): Promise<void> {
  const orderID = body.dataset.orderId ?? '';
  for (const button of buttons) button.disabled = true;
  say('Updating your order…');
  const verdict = await askMerchant(message);
  if (!verdict.ok) {
    // PayPal keeps the buyer here until they choose something the merchant accepts.
    for (const button of buttons) button.disabled = button.id === 'approve';
    return say(
      verdict.message ?? 'Your order can’t be shipped to this address.',
      'error'
    );
  }
  const response = await fetch(
    `/_emulator/orders/${encodeURIComponent(orderID)}/shipping`,
    {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify(record),
    }
  ).catch(() => undefined);
  if (!response?.ok) {
    for (const button of buttons) button.disabled = false;
    return say('The emulator could not record the change. Try again.', 'error');
  }
  // Drawn again from the order, with the amounts the merchant patched.
  location.reload();
}

const form = document.getElementById('address-form') as HTMLFormElement | null;
form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const field = (name: string) => String(data.get(name) ?? '').trim();
  const address: Record<string, string> = {};
  for (const name of [
    'address_line_1',
    'admin_area_2',
    'admin_area_1',
    'postal_code',
    'country_code',
  ]) {
    const value = field(name);
    if (value)
      address[name] = name === 'country_code' ? value.toUpperCase() : value;
  }
  void changeShipping(
    {
      type: 'shipping-address',
      orderID: body.dataset.orderId ?? '',
      address: {
        countryCode: address.country_code ?? '',
        ...(address.admin_area_2 && {city: address.admin_area_2}),
        ...(address.admin_area_1 && {state: address.admin_area_1}),
        ...(address.postal_code && {postalCode: address.postal_code}),
      },
    },
    {address}
  );
});

for (const radio of document.querySelectorAll<HTMLInputElement>(
  'input[name="option"]'
)) {
  radio.addEventListener('change', () => {
    if (!radio.checked) return;
    void changeShipping(
      {
        type: 'shipping-option',
        orderID: body.dataset.orderId ?? '',
        optionId: radio.value,
      },
      {option_id: radio.value}
    );
  });
}

if (body.dataset.state === 'unavailable') {
  post({
    type: 'error',
    message: body.dataset.message ?? 'This checkout is not available.',
  });
}
for (const button of buttons) {
  button.addEventListener('click', () => void answer(button.id as Choice));
  // The page serves them disabled: a click before this script ran would do nothing.
  button.disabled = false;
}
// `autofocus` skips a disabled button: the focus goes to Approve now.
if (!document.activeElement || document.activeElement === body)
  document.getElementById('approve')?.focus();
