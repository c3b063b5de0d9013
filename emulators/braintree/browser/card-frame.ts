/**
 * The card frame, on the emulator's origin (Hosted Fields' frames, as one document): the four
 * fields with their labels, Drop-in's validation messages under them in the buyer's language,
 * and the tokenisation. The digits live only here: the merchant's page asks for a nonce and gets
 * the client API's answer (`creditCards[0]`), never the number. Runs in the browser.
 */
import {
  brandOf,
  cvvValidity,
  digitsOf,
  expiryParts,
  expiryValidity,
  formatExpiry,
  formatNumber,
  numberValidity,
  postalCodeValidity,
  type Validity,
} from './card-rules.js';
import {
  decodeFrameParams,
  envelope,
  isEnvelope,
  type CardState,
  type FieldKey,
  type FrameMessage,
  type FrameParams,
  type HostMessage,
  type TokenizedCard,
} from './protocol.js';
import {directionOf, tableFor, wordsFor, type Words} from './translations.js';

type TokenizeResult = Pick<
  Extract<FrameMessage, {type: 'reply'}>,
  'card' | 'error'
>;

const FIELDS: FieldKey[] = ['number', 'expirationDate', 'cvv', 'postalCode'];
/** The braintree-web version Drop-in 1.48 bundles, as its requests name it. */
const LIBRARY_VERSION = 'braintree/web/3.123.2';

const params = decodeFrameParams(location.hash);
const main = document.querySelector('main')!;
if (!params) {
  const notice = document.createElement('p');
  notice.textContent =
    'This page is the Braintree emulator’s card frame; it only works inside the frame the Drop-in fake mounts.';
  main.append(notice);
} else {
  start(params);
}

function start(params: FrameParams): void {
  const {code} = tableFor(params.locale);
  const words = wordsFor(params.locale, params.translations);
  document.documentElement.lang = code.replace('_', '-');
  document.documentElement.dir = directionOf(code);
  applyStyles(params.styles);
  if (params.background && CSS.supports('color', params.background))
    document.documentElement.style.setProperty(
      '--bt-background',
      params.background
    );

  const form = buildForm(words);
  main.append(form);
  const input = (key: FieldKey) =>
    document.getElementById(key) as HTMLInputElement;

  function post(message: FrameMessage): void {
    window.parent.postMessage(envelope(params.channel, message), params.origin);
  }

  let lastHeight = 0;
  function reportHeight(): void {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    post({type: 'resize', height});
  }
  new ResizeObserver(reportHeight).observe(document.body);

  function validity(key: FieldKey): Validity {
    const value = input(key).value;
    switch (key) {
      case 'number':
        return numberValidity(value);
      case 'expirationDate':
        return expiryValidity(value);
      case 'cvv':
        return cvvValidity(value, brandOf(digitsOf(input('number').value)));
      case 'postalCode':
        return postalCodeValidity(value);
    }
  }

  const MESSAGES: Record<FieldKey, [empty: keyof Words, invalid: keyof Words]> =
    {
      number: ['fieldEmptyForNumber', 'fieldInvalidForNumber'],
      expirationDate: [
        'fieldEmptyForExpirationDate',
        'fieldInvalidForExpirationDate',
      ],
      cvv: ['fieldEmptyForCvv', 'fieldInvalidForCvv'],
      postalCode: ['fieldEmptyForPostalCode', 'fieldInvalidForPostalCode'],
    };

  /** Shows (or clears) a field's message, the way Drop-in marks its field group. */
  function showError(key: FieldKey, message: string): void {
    const field = input(key);
    field.setAttribute('aria-invalid', String(message !== ''));
    field.classList.toggle('invalid', message !== '');
    field
      .closest('.braintree-form__field-group')!
      .classList.toggle(
        'braintree-form__field-group--has-error',
        message !== ''
      );
    const error = document.getElementById(`${key}-error`)!;
    if (error.textContent !== message) error.textContent = message;
    reportHeight();
  }

  function check(key: FieldKey, strict: boolean): boolean {
    const {isValid, isPotentiallyValid} = validity(key);
    const empty = input(key).value.trim() === '';
    const [emptyKey, invalidKey] = MESSAGES[key];
    if (isValid) showError(key, '');
    else if (strict || (!empty && !isPotentiallyValid))
      showError(key, words[empty ? emptyKey : invalidKey]);
    return isValid;
  }

  function state(emittedBy: FieldKey): CardState {
    const brand = brandOf(digitsOf(input('number').value));
    const fields = {} as CardState['fields'];
    for (const key of FIELDS) {
      const field = input(key);
      fields[key] = {
        ...validity(key),
        isEmpty: field.value === '',
        isFocused: document.activeElement === field,
      };
    }
    return {
      fields,
      cards: brand
        ? [{type: brand.type, niceType: brand.niceType, code: brand.code}]
        : [],
      emittedBy,
    };
  }

  const cardEvent = (event: string, key: FieldKey) =>
    post({type: 'card', event, state: state(key)});

  let brandType = '';
  for (const key of FIELDS) {
    const field = input(key);
    let valid = false;
    let empty = true;
    field.addEventListener('input', (event) => {
      const deleting =
        (event as InputEvent).inputType?.startsWith('delete') ?? false;
      if (key === 'number') {
        const formatted = formatNumber(field.value);
        if (formatted !== field.value) field.value = formatted;
        const brand = brandOf(digitsOf(field.value));
        document.getElementById('number-brand')!.textContent =
          brand?.niceType ?? '';
        const cvvSub = document.getElementById('cvv-descriptor')!;
        cvvSub.textContent = ` ${
          brand?.code.size === 4
            ? words.cvvFourDigitLabelSubheading
            : words.cvvThreeDigitLabelSubheading
        }`;
        if ((brand?.type ?? '') !== brandType) {
          brandType = brand?.type ?? '';
          cardEvent('card:cardTypeChange', key);
        }
      } else if (key === 'expirationDate') {
        const formatted = formatExpiry(field.value, deleting);
        if (formatted !== field.value) field.value = formatted;
      } else if (key === 'cvv') {
        field.value = digitsOf(field.value).slice(0, 4);
      }
      // A message goes as soon as the field is right; a new one waits for blur (or is certain).
      check(key, false);
      const nowEmpty = field.value === '';
      if (nowEmpty !== empty) {
        empty = nowEmpty;
        cardEvent(empty ? 'card:empty' : 'card:notEmpty', key);
      }
      const nowValid = validity(key).isValid;
      if (nowValid !== valid) {
        valid = nowValid;
        cardEvent('card:validityChange', key);
      }
    });
    field.addEventListener('focus', () => cardEvent('card:focus', key));
    field.addEventListener('blur', () => {
      if (field.value !== '') check(key, true);
      cardEvent('card:blur', key);
    });
  }
  // Enter in a field is Hosted Fields' `inputSubmitRequest`; the frame's form never navigates.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const focused = FIELDS.find((key) => document.activeElement === input(key));
    cardEvent('card:inputSubmitRequest', focused ?? 'number');
  });

  async function tokenize(): Promise<TokenizeResult> {
    const invalid = FIELDS.filter((key) => !check(key, true));
    if (invalid.length) {
      input(invalid[0]!).focus();
      return {
        error: {kind: 'invalid', message: words.hostedFieldsFieldsInvalidError},
      };
    }
    const expiry = expiryParts(input('expirationDate').value)!;
    const body = {
      creditCard: {
        number: digitsOf(input('number').value),
        expirationDate: `${String(expiry.month).padStart(2, '0')}/${expiry.year}`,
        cvv: digitsOf(input('cvv').value),
        billingAddress: {postalCode: input('postalCode').value.trim()},
        options: {validate: false},
      },
      braintreeLibraryVersion: LIBRARY_VERSION,
      _meta: {
        platform: 'web',
        source: 'client',
        integration: 'dropin2',
        integrationType: 'dropin2',
        sessionId: crypto.randomUUID(),
      },
      authorizationFingerprint: params.authorizationFingerprint,
    };
    let response: Response;
    try {
      response = await fetch(
        `${params.clientApiUrl.replace(/\/$/, '')}/v1/payment_methods/credit_cards`,
        {
          method: 'POST',
          headers: {'content-type': 'application/json'},
          body: JSON.stringify(body),
        }
      );
    } catch {
      return {
        error: {
          kind: 'network',
          message: words.hostedFieldsTokenizationNetworkErrorError,
        },
      };
    }
    const answer = (await response.json().catch(() => null)) as {
      creditCards?: TokenizedCard[];
    } | null;
    const card = answer?.creditCards?.[0];
    if (!response.ok || !card)
      return {
        error: {
          kind: 'refused',
          message: words.hostedFieldsFailedTokenizationError,
        },
      };
    return {card};
  }

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== params.origin)
      return;
    if (!isEnvelope<HostMessage>(event.data, params.channel)) return;
    const message = event.data;
    switch (message.type) {
      case 'focus':
        input('number').focus();
        return;
      case 'clear':
        for (const key of FIELDS) {
          input(key).value = '';
          showError(key, '');
        }
        document.getElementById('number-brand')!.textContent = '';
        return;
      case 'tokenize':
        void tokenize().then((result) =>
          post({type: 'reply', requestId: message.requestId, ...result})
        );
        return;
    }
  });

  post({type: 'ready'});
  reportHeight();
}

/** The form, with Drop-in's class names on each part. */
function buildForm(words: Words): HTMLFormElement {
  const form = document.createElement('form');
  form.noValidate = true;
  form.className = 'braintree-form__card';
  form.setAttribute('aria-label', words.payWithCard);
  const group = (
    key: FieldKey,
    label: string,
    descriptor: string,
    attributes: Record<string, string>
  ) => {
    const wrap = document.createElement('div');
    wrap.className = 'braintree-form__field-group';
    const labelElement = document.createElement('label');
    labelElement.className = 'braintree-form__label';
    labelElement.htmlFor = key;
    labelElement.textContent = label;
    if (descriptor) {
      const span = document.createElement('span');
      span.className = 'braintree-form__descriptor';
      span.id = `${key}-descriptor`;
      span.textContent = ` ${descriptor}`;
      labelElement.append(span);
    }
    const field = document.createElement('div');
    field.className = 'braintree-form__field';
    const inputElement = document.createElement('input');
    inputElement.className = 'braintree-form__hosted-field';
    inputElement.id = key;
    inputElement.name = key;
    inputElement.type = 'text';
    inputElement.spellcheck = false;
    inputElement.setAttribute('aria-invalid', 'false');
    inputElement.setAttribute('aria-describedby', `${key}-error`);
    for (const [name, value] of Object.entries(attributes))
      inputElement.setAttribute(name, value);
    field.append(inputElement);
    if (key === 'number') {
      const brand = document.createElement('span');
      brand.className = 'braintree-form__brand';
      brand.id = 'number-brand';
      field.append(brand);
    }
    const error = document.createElement('div');
    error.className = 'braintree-form__field-error';
    error.id = `${key}-error`;
    error.setAttribute('role', 'alert');
    wrap.append(labelElement, field, error);
    return wrap;
  };
  const flexible = document.createElement('div');
  flexible.className = 'braintree-form__flexible-fields';
  flexible.append(
    group(
      'expirationDate',
      words.expirationDateLabel,
      words.expirationDateLabelSubheading,
      {
        autocomplete: 'cc-exp',
        inputmode: 'numeric',
        placeholder: words.expirationDatePlaceholder,
      }
    ),
    group('cvv', words.cvvLabel, words.cvvThreeDigitLabelSubheading, {
      autocomplete: 'cc-csc',
      inputmode: 'numeric',
      placeholder: '•••',
    }),
    group('postalCode', words.postalCodeLabel, '', {
      autocomplete: 'postal-code',
    })
  );
  form.append(
    group('number', words.cardNumberLabel, '', {
      autocomplete: 'cc-number',
      inputmode: 'numeric',
      placeholder: '•••• •••• •••• ••••',
    }),
    flexible
  );
  // Enter submits (and is reported), as in a Hosted Fields input.
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.hidden = true;
  submit.tabIndex = -1;
  form.append(submit);
  return form;
}

/**
 * `card.overrides.styles` (already cut to the allow-list by the host) as custom properties the
 * frame's stylesheet reads: the text colour also draws the fields' borders, as the one colour
 * the merchant can send into the frame.
 */
function applyStyles(styles: FrameParams['styles']): void {
  const root = document.documentElement.style;
  const input = styles?.input ?? {};
  const map: [string, string | undefined][] = [
    ['--bt-text', input.color],
    ['--bt-font-family', input['font-family']],
    ['--bt-font-size', input['font-size']],
    ['--bt-transition', input.transition],
    ['--bt-placeholder', styles?.['::placeholder']?.color],
    ['--bt-danger', styles?.['.invalid']?.color],
  ];
  for (const [name, value] of map) if (value) root.setProperty(name, value);
}
