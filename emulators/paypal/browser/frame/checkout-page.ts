/**
 * The approval page's buttons. The buyer's answer is recorded by the emulator first (so the order
 * really moves), and only then passed on:
 * - opened by the JS SDK (channel and opener origin in the fragment): to the opener, by
 *   postMessage to that one origin. After "Approve" the window stays open ("Processing…") until
 *   the SDK closes it or, after `actions.restart()`, brings it back here; "Cancel" closes it.
 * - opened as a whole page (the order's `approve` link): by going to the order's
 *   return_url / cancel_url, as PayPal redirects.
 */
import {
  decodeWindowParams,
  envelope,
  type CheckoutMessage,
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

if (body.dataset.state === 'unavailable') {
  post({
    type: 'error',
    message: body.dataset.message ?? 'This checkout is not available.',
  });
}
for (const button of buttons) {
  button.addEventListener('click', () => void answer(button.id as Choice));
}
