/**
 * The verification challenge inside its frame (the emulator's stand-in for the card issuer's
 * page). The buyer's answer is recorded by the emulator first
 * (`POST /web-sdk/v1/verifications/:id/complete`), so the verification really passes or fails
 * there, and only then told to the page named in the fragment.
 */
import {
  decodeFrameParams,
  envelope,
  type ChallengeMessage,
} from './protocol.js';
import {pageLanguage, squareWords} from './words.js';

const params = decodeFrameParams(location.hash);
const words = squareWords(params?.locale).challenge;
const status = document.getElementById('status')!;
const authenticate = document.getElementById(
  'authenticate'
) as HTMLButtonElement;
const fail = document.getElementById('fail') as HTMLButtonElement;

Object.assign(document.documentElement, pageLanguage(params?.locale));
document.title = words.label;
document.getElementById('badge')!.textContent = words.badge;
document.getElementById('heading')!.textContent = words.heading;
document.getElementById('body')!.textContent = words.body;
authenticate.textContent = words.authenticate;
fail.textContent = words.fail;

if (params?.amount && params.currencyCode) {
  const amount = document.getElementById('amount')!;
  let formatted = `${params.amount} ${params.currencyCode}`;
  try {
    formatted = new Intl.NumberFormat(document.documentElement.lang, {
      style: 'currency',
      currency: params.currencyCode,
    }).format(Number(params.amount));
  } catch {
    // An unknown currency: the amount as given.
  }
  amount.textContent = `${words.amount}: ${formatted}`;
  amount.hidden = false;
}

function post(message: ChallengeMessage): void {
  if (params)
    window.parent.postMessage(envelope(params.channel, message), params.origin);
}

async function answer(outcome: 'pass' | 'fail'): Promise<void> {
  if (!params?.verification) return;
  authenticate.disabled = fail.disabled = true;
  status.textContent = '';
  let recorded: boolean;
  try {
    const response = await fetch(
      `/web-sdk/v1/verifications/${encodeURIComponent(params.verification)}/complete`,
      {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({outcome}),
      }
    );
    recorded = response.ok;
  } catch {
    recorded = false;
  }
  if (!recorded) {
    status.textContent = words.unrecorded;
    authenticate.disabled = fail.disabled = false;
    (outcome === 'pass' ? authenticate : fail).focus();
    return;
  }
  post({type: 'challenge-result', outcome});
}

authenticate.addEventListener('click', () => void answer('pass'));
fail.addEventListener('click', () => void answer('fail'));

// `autofocus` is ignored in a frame that loads without focus: the page focuses the frame once it
// is ready, and the buyer lands on "Authenticate" then.
function focusFirst(): void {
  if (
    document.activeElement === document.body ||
    document.activeElement === null
  )
    authenticate.focus();
}
window.addEventListener('focus', focusFirst);
focusFirst();
post({type: 'challenge-ready'});
