/**
 * The 3-D Secure challenge page. The buyer's answer is recorded by the emulator first (so the
 * PaymentIntent really moves), and only then passed on:
 * - in the fake Stripe.js's modal (frame parameters in the fragment), to the parent, which
 *   re-reads the intent rather than taking the frame's word for the outcome;
 * - opened as a whole page (`next_action.redirect_to_url`, a server confirming with a
 *   `return_url`), by going back to the `return_url` the emulator answers with.
 */
import type {StripeError} from '@stripe/stripe-js';
import {connectionError} from '../api.js';
import {decodeFrameParams, envelope, type ThreeDsMessage} from '../protocol.js';

const params = decodeFrameParams(location.hash);
const intentId = decodeURIComponent(location.pathname.split('/').pop() ?? '');
const clientSecret =
  new URLSearchParams(location.search).get('client_secret') ?? '';
const status = document.getElementById('status')!;
const buttons = [...document.querySelectorAll('button')];

function post(message: ThreeDsMessage): void {
  if (params)
    window.parent.postMessage(envelope(params.channel, message), params.origin);
}

async function record(
  outcome: 'complete' | 'fail'
): Promise<{error: StripeError} | {redirectUrl?: string}> {
  try {
    const response = await fetch(
      `/_emulator/3ds/${encodeURIComponent(intentId)}`,
      {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({client_secret: clientSecret, outcome}),
      }
    );
    const body = (await response.json().catch(() => null)) as {
      error?: StripeError;
      redirect_url?: string;
    } | null;
    if (response.ok) return {redirectUrl: body?.redirect_url};
    return {
      error: body?.error ?? {
        type: 'api_error',
        message: `HTTP ${response.status}`,
      },
    };
  } catch {
    return {error: connectionError()};
  }
}

async function answer(outcome: 'complete' | 'fail'): Promise<void> {
  for (const button of buttons) button.disabled = true;
  status.textContent = '';
  const result = await record(outcome);
  if ('error' in result) {
    status.textContent =
      result.error.message ?? 'The emulator could not record the answer.';
    if (params) post({type: 'three-ds-error', error: result.error});
    else for (const button of buttons) button.disabled = false;
    return;
  }
  if (params) post({type: 'three-ds-result', outcome});
  else if (result.redirectUrl) location.assign(result.redirectUrl);
}

document
  .getElementById('complete')!
  .addEventListener('click', () => void answer('complete'));
document
  .getElementById('fail')!
  .addEventListener('click', () => void answer('fail'));

// The challenge is a modal dialog (Stripe.js's lightbox): Tab and Shift+Tab go round its two
// buttons instead of leaving for the page behind the overlay (WCAG 2.4.3).
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Tab' || !params) return;
  const [first, last] = [buttons[0], buttons.at(-1)];
  const from = document.activeElement;
  if (!event.shiftKey && from === last) {
    event.preventDefault();
    first?.focus();
  } else if (event.shiftKey && (from === first || from === document.body)) {
    event.preventDefault();
    last?.focus();
  }
});

// `autofocus` is ignored in a frame that loads without focus: the parent focuses the frame
// once it has loaded, and the buyer lands on "Complete" then.
function focusComplete(): void {
  if (document.activeElement === document.body)
    document.getElementById('complete')!.focus();
}
window.addEventListener('focus', focusComplete);
focusComplete();
