/**
 * The hosted Checkout page's script. Pay checks the fields (the Payment Element's own rules),
 * creates a PaymentMethod with the session's publishable key, and asks the emulator to confirm
 * the session with it; 3-D Secure opens the same challenge Stripe.js shows, then the page asks
 * how the session ended. Success goes to `success_url`; a decline shows and allows a retry.
 */
import {createApi} from '../api.js';
import type {FieldError, FieldName} from '../frame/card.js';
import {createCardForm} from '../frame/card-form.js';
import {openThreeDsChallenge} from '../host/three-ds.js';

/** What `POST /checkout/pay/:id/confirm` and `GET …/status` answer. */
interface SessionState {
  status: 'open' | 'complete' | 'expired';
  payment_status: string;
  redirect_url: string | null;
  next_action?: {
    type: 'three_d_secure';
    payment_intent: string;
    client_secret: string;
  };
  error?: {message?: string} | null;
}

const AUTHENTICATION_FAILURE =
  'We are unable to authenticate your payment method. Please choose a different payment method and try again.';

const form = document.getElementById('checkout-form') as HTMLFormElement | null;
if (form) start(form);

// Product images come from the merchant's site, which an offline machine cannot reach: a
// picture that does not load is left out rather than shown broken.
for (const image of document.querySelectorAll<HTMLImageElement>('.Line img')) {
  const hide = () => (image.hidden = true);
  if (image.complete && image.naturalWidth === 0) hide();
  else image.addEventListener('error', hide);
}

function start(form: HTMLFormElement): void {
  const sessionId = form.dataset.session ?? '';
  const key = form.dataset.key ?? '';
  const unitedStates = form.dataset.postal === 'us';
  const api = createApi(location.origin, key);
  const email = document.getElementById('email') as HTMLInputElement;
  const emailError = document.getElementById('email-error')!;
  const formError = document.getElementById('form-error')!;
  const button = document.getElementById('pay') as HTMLButtonElement;
  const input = (name: FieldName) =>
    document.getElementById(name) as HTMLInputElement;
  const card = createCardForm({input, isUnitedStates: () => unitedStates});
  const shipping = shippingForm();
  let busy = false;

  function validateEmail(): FieldError | null {
    const value = email.value.trim();
    if (value === '') {
      return {code: 'incomplete_email', message: 'Your email is incomplete.'};
    }
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
      ? null
      : {code: 'invalid_email', message: 'Your email address is invalid.'};
  }

  function showEmailError(error: FieldError | null): void {
    email.classList.toggle('Input--invalid', error !== null);
    email.setAttribute('aria-invalid', String(error !== null));
    emailError.textContent = error?.message ?? '';
  }

  email.addEventListener('blur', () => {
    if (email.value !== '') showEmailError(validateEmail());
  });
  email.addEventListener('input', () => {
    if (email.classList.contains('Input--invalid') && !validateEmail())
      showEmailError(null);
  });

  // aria-disabled rather than disabled: the button keeps focus while the payment runs.
  function setBusy(value: boolean): void {
    busy = value;
    button.setAttribute('aria-disabled', String(value));
    button.textContent = value
      ? (form.dataset.processing ?? 'Processing…')
      : (form.dataset.pay ?? 'Pay');
    form.setAttribute('aria-busy', String(value));
  }

  /** A failed attempt: say why, and put the buyer back on the card to try again. */
  function fail(message: string | undefined): void {
    setBusy(false);
    formError.textContent =
      message || 'Something went wrong. Please try again.';
    input('number').focus();
  }

  function finish(state: SessionState): void {
    if (state.status === 'complete' && state.redirect_url) {
      // Like Stripe, leave the page busy: it is going away.
      location.assign(state.redirect_url);
      return;
    }
    if (state.status === 'expired') {
      location.reload();
      return;
    }
    fail(state.error?.message);
  }

  async function challenge(
    action: NonNullable<SessionState['next_action']>
  ): Promise<void> {
    const result = await openThreeDsChallenge({
      origin: location.origin,
      publishableKey: key,
      intentId: action.payment_intent,
      clientSecret: action.client_secret,
    });
    if ('error' in result) return fail(result.error.message);
    const state = await api.get<SessionState>(
      `/checkout/pay/${encodeURIComponent(sessionId)}/status`
    );
    if (state.error) return fail(state.error.message);
    if (state.data.status === 'open' && !state.data.error) {
      return fail(AUTHENTICATION_FAILURE);
    }
    return finish(state.data);
  }

  async function pay(): Promise<void> {
    formError.textContent = '';
    const emailProblem = validateEmail();
    showEmailError(emailProblem);
    const shippingProblem = shipping.validate();
    const cardProblem = card.validateAll();
    if (emailProblem || shippingProblem || cardProblem) {
      const first = emailProblem
        ? email
        : (shippingProblem ?? input(cardProblem!.param as FieldName));
      first.focus();
      return;
    }
    setBusy(true);
    const created = await api.post<{id: string}>('/v1/payment_methods', {
      ...card.paymentMethodParams(),
      'billing_details[email]': email.value.trim(),
    });
    if (created.error) return fail(created.error.message);
    const confirmed = await api.post<SessionState>(
      `/checkout/pay/${encodeURIComponent(sessionId)}/confirm`,
      {
        payment_method: created.data.id,
        email: email.value.trim(),
        ...shipping.params(),
      }
    );
    if (confirmed.error) return fail(confirmed.error.message);
    if (confirmed.data.next_action) {
      return challenge(confirmed.data.next_action);
    }
    return finish(confirmed.data);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!busy) void pay();
  });
}

// The shipping address, when the session collects one: the fields Checkout requires.
const REQUIRED_SHIPPING = {
  shippingName: 'Your name is incomplete.',
  shippingLine1: 'Your address is incomplete.',
  shippingCity: 'Your city is incomplete.',
  shippingPostalCode: 'Your postal code is incomplete.',
} as const;

const SHIPPING_PARAMS = {
  shippingName: 'shipping[name]',
  shippingLine1: 'shipping[address][line1]',
  shippingLine2: 'shipping[address][line2]',
  shippingCity: 'shipping[address][city]',
  shippingPostalCode: 'shipping[address][postal_code]',
  shippingState: 'shipping[address][state]',
  shippingCountry: 'shipping[address][country]',
} as const;

function shippingForm() {
  const present = document.getElementById('shipping-address') !== null;
  const control = (id: string) =>
    document.getElementById(id) as HTMLInputElement | HTMLSelectElement;

  function show(id: string, message: string): void {
    const element = control(id);
    element.classList.toggle('Input--invalid', message !== '');
    element.setAttribute('aria-invalid', String(message !== ''));
    document.getElementById(`${id}-error`)!.textContent = message;
  }

  return {
    /** The first incomplete field (each one says why), or null. */
    validate(): HTMLElement | null {
      if (!present) return null;
      let first: HTMLElement | null = null;
      for (const [id, message] of Object.entries(REQUIRED_SHIPPING)) {
        const missing = control(id).value.trim() === '';
        show(id, missing ? message : '');
        if (missing) first ??= control(id);
      }
      return first;
    },
    params(): Record<string, string> {
      if (!present) return {};
      const params: Record<string, string> = {};
      for (const [id, name] of Object.entries(SHIPPING_PARAMS)) {
        const value = control(id).value.trim();
        if (value) params[name] = value;
      }
      return params;
    },
  };
}
