/**
 * PayPal's approval window for PayPal through Braintree, on the emulator's origin, in the
 * buyer's language: the payment's amount and the sandbox's test buyer, Approve or Cancel (the
 * button, or Escape). An approval is recorded by the emulator first (`POST …/v1/paypal_hermes/
 * emulator_approve` on the client API); only then does the opener hear of it, with the payer id
 * it needs to tokenise the account. Runs in the browser.
 */
import {
  decodeFrameParams,
  envelope,
  type FrameParams,
  type PaypalWindowMessage,
} from './protocol.js';
import {directionOf, tableFor, wordsFor} from './translations.js';
import {sentence, windowPage} from './window-page.js';

const params = decodeFrameParams(location.hash);
const token = new URLSearchParams(location.search).get('token') ?? '';
const main = document.querySelector('main')!;
const opener = window.opener as Window | null;
if (!params || !opener || !/^EC-[A-Z0-9]+$/.test(token)) {
  main.textContent =
    'This page is the Braintree emulator’s PayPal approval; it only works in the window the Drop-in fake opens.';
} else {
  void start(params, opener);
}

function formatAmount(
  amount: string,
  currency: string,
  locale: string
): string {
  try {
    return new Intl.NumberFormat(locale, {style: 'currency', currency}).format(
      Number(amount)
    );
  } catch {
    return `${amount} ${currency}`;
  }
}

async function start(params: FrameParams, opener: Window): Promise<void> {
  const {code} = tableFor(params.locale);
  const words = wordsFor(params.locale, params.translations);
  document.documentElement.lang = code.replace('_', '-');
  document.documentElement.dir = directionOf(code);
  document.title = words.paypalWindowTitle;
  const post = (message: PaypalWindowMessage) =>
    opener.postMessage(envelope(params.channel, message), params.origin);
  const api = (path: string) =>
    `${params.clientApiUrl}${path}?authorizationFingerprint=${encodeURIComponent(params.authorizationFingerprint)}`;

  const page = windowPage(
    main,
    words.threeDSecureBadge,
    words.paypalWindowTitle
  );
  const {text, status} = page;
  const approve = page.button('approve', words.paypalApprove);
  const cancel = page.button('cancel', words.paypalCancel);

  const summary = (await fetch(
    api(`/v1/paypal_hermes/payment/${encodeURIComponent(token)}`)
  )
    .then((response) => (response.ok ? response.json() : undefined))
    .catch(() => undefined)) as
    {amount?: string; currency?: string; payerEmail?: string} | undefined;
  if (!summary?.amount || !summary.currency || !summary.payerEmail) {
    text.textContent = words.paypalPaymentGone;
    approve.disabled = true;
    cancel.focus();
  } else {
    text.append(
      ...sentence(words.paypalWindowText, {
        amount: formatAmount(
          summary.amount,
          summary.currency,
          code.replace('_', '-')
        ),
        email: summary.payerEmail,
      })
    );
    approve.focus();
  }

  let answered = false;
  function cancelled(): void {
    if (answered) return;
    answered = true;
    post({type: 'paypal-cancel'});
    window.close();
  }
  cancel.addEventListener('click', cancelled);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') cancelled();
  });
  approve.addEventListener('click', async () => {
    if (answered) return;
    approve.disabled = cancel.disabled = true;
    status.textContent = '';
    const approved = (await fetch(api('/v1/paypal_hermes/emulator_approve'), {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({
        paymentToken: token,
        authorizationFingerprint: params.authorizationFingerprint,
      }),
    })
      .then((response) => (response.ok ? response.json() : undefined))
      .catch(() => undefined)) as {payerId?: string} | undefined;
    if (!approved?.payerId) {
      status.textContent = words.paypalFlowFailedError;
      approve.disabled = cancel.disabled = false;
      return;
    }
    answered = true;
    post({
      type: 'paypal-approved',
      paymentToken: token,
      payerId: approved.payerId,
    });
    window.close();
  });
}
