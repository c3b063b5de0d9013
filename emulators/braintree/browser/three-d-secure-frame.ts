/**
 * The 3-D Secure challenge, on the emulator's origin, in the buyer's language: the issuer's test
 * page, where the buyer passes or fails the authentication (or cancels, with the button or
 * Escape). The answer is recorded by the emulator first (`POST …/three_d_secure/
 * authenticate_from_jwt` on the client API, with the outcome in the emulator's `jwt`), and only
 * its response goes to the merchant's page. Runs in the browser.
 */
import {
  decodeFrameParams,
  envelope,
  type ChallengeMessage,
  type FrameParams,
} from './protocol.js';
import {directionOf, tableFor, wordsFor} from './translations.js';
import {sentence, windowPage} from './window-page.js';

const params = decodeFrameParams(location.hash);
const main = document.querySelector('main')!;
if (!params?.nonce) {
  main.textContent =
    'This page is the Braintree emulator’s 3-D Secure challenge; it only works inside the window the Drop-in fake opens.';
} else {
  start(params, params.nonce);
}

function start(params: FrameParams, nonce: string): void {
  const {code} = tableFor(params.locale);
  const words = wordsFor(params.locale, params.translations);
  document.documentElement.lang = code.replace('_', '-');
  document.documentElement.dir = directionOf(code);
  document.title = words.threeDSecureDialog;
  const post = (message: ChallengeMessage) =>
    window.parent.postMessage(envelope(params.channel, message), params.origin);

  const page = windowPage(
    main,
    words.threeDSecureBadge,
    words.threeDSecureTitle
  );
  page.text.append(
    ...sentence(words.threeDSecureText, {amount: params.amount ?? ''})
  );
  const {status} = page;
  const pass = page.button('pass', words.threeDSecurePass);
  const failButton = page.button('fail', words.threeDSecureFail);
  const cancel = page.button('cancel', words.threeDSecureCancel);

  async function answer(outcome: 'pass' | 'fail'): Promise<void> {
    for (const node of [pass, failButton, cancel]) node.disabled = true;
    status.textContent = '';
    try {
      const response = await fetch(
        `${params.clientApiUrl}/v1/payment_methods/${encodeURIComponent(nonce)}/three_d_secure/authenticate_from_jwt`,
        {
          method: 'POST',
          headers: {'content-type': 'application/json'},
          body: JSON.stringify({
            jwt: `emulator-challenge.${outcome}`,
            outcome,
            paymentMethodNonce: nonce,
            authorizationFingerprint: params.authorizationFingerprint,
            braintreeLibraryVersion: 'braintree/web/3.123.2',
          }),
        }
      );
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok || !body) throw new Error(`HTTP ${response.status}`);
      post({type: 'challenge-result', response: body});
    } catch {
      status.textContent = words.hostedFieldsTokenizationNetworkErrorError;
      for (const node of [pass, failButton, cancel]) node.disabled = false;
      pass.focus();
    }
  }

  pass.addEventListener('click', () => void answer('pass'));
  failButton.addEventListener('click', () => void answer('fail'));
  cancel.addEventListener('click', () => post({type: 'challenge-cancel'}));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') post({type: 'challenge-cancel'});
    // A modal (Drop-in's 3-D Secure window): Tab and Shift+Tab go round its buttons instead
    // of leaving for the page behind the overlay (WCAG 2.4.3).
    if (event.key !== 'Tab') return;
    const from = document.activeElement;
    if (!event.shiftKey && from === cancel) {
      event.preventDefault();
      pass.focus();
    } else if (event.shiftKey && (from === pass || from === document.body)) {
      event.preventDefault();
      cancel.focus();
    }
  });
  // `autofocus` is ignored in a frame that loads without focus: the overlay focuses the frame
  // once loaded, and the buyer lands on the first answer.
  const focusFirst = () => {
    if (document.activeElement === document.body) pass.focus();
  };
  window.addEventListener('focus', focusFirst);
  focusFirst();
}
