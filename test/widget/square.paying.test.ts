import {expect, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {
  PayChangeEvent,
  PayErrorEvent,
  PaySuccessEvent,
} from '../../widget/index.js';
import {
  billingContact,
  decimalAmount,
} from '../../widget/internal/providers/square-controller.js';
import {error} from './fake-server.js';
import {
  alertRegion,
  money,
  part,
  payButton,
  ready,
  record,
  statusRegion,
  text,
} from './helpers.js';
import {
  pay,
  server,
  square,
  twoTees,
  useSquareFakes,
} from './square.helpers.js';

useSquareFakes();

describe('<pay-checkout provider="square">', () => {
  describe('paying', () => {
    it('tokenizes, verifies the buyer, creates the payment, polls the order and fires pay-success', async () => {
      server.orderStatuses = ['pending', 'paid'];
      const {el} = await ready(twoTees());
      const seen = record(el);

      const {detail} = (await pay(el, 'pay-success')) as PaySuccessEvent;
      await el.updateComplete;

      expect(square.tokenizes).to.equal(1);
      expect(square.verifications).to.deep.equal([
        {
          source: 'cnon:card-nonce-ok',
          details: {
            amount: '30.00',
            currencyCode: 'USD',
            intent: 'CHARGE',
            billingContact: {email: 'ada@example.com'},
          },
        },
      ]);
      expect(server.requestsTo('/api/square/payments')[0]!.body).to.deep.equal({
        items: [{sku: 'tee', quantity: 2}],
        currency: 'usd',
        email: 'ada@example.com',
        locale: navigator.language,
        expectedTotal: 3000,
        sourceId: 'cnon:card-nonce-ok',
      });
      const create = server.requestsTo('/api/square/payments')[0]!;
      expect(create.headers.get('Idempotency-Key')).to.match(/^[\w-]{16,}$/);
      const polls = server.requestsTo('/api/orders/ord_1');
      expect(polls).to.have.length(2);
      expect(polls[0]!.headers.get('Authorization')).to.equal(
        'Bearer tok_secret'
      );
      expect(detail).to.deep.equal({
        orderId: 'ord_1',
        status: 'paid',
        total: 3000,
        currency: 'usd',
        provider: 'square',
      });
      expect(seen).to.deep.equal(['pay-submit', 'pay-success']);
      expect(text(statusRegion(el))).to.equal('Payment received — order ord_1');
      expect(part(el, 'payment')!.hidden).to.equal(true);
    });

    it('sends the verification token when the card asked for strong customer authentication', async () => {
      square.verifyResult = {token: 'verf:challenged-ok', userChallenged: true};
      const {el} = await ready(twoTees());

      await pay(el, 'pay-success');

      expect(
        (
          server.requestsTo('/api/square/payments')[0]!.body as {
            verificationToken?: string;
          }
        ).verificationToken
      ).to.equal('verf:challenged-ok');
    });

    it('stops when the authentication fails: says so, creates nothing, and Pay works again', async () => {
      square.verifyResult = Object.assign(new Error('failed'), {
        name: 'VerifyBuyerError',
      });
      const {el} = await ready(twoTees());

      const {detail} = (await pay(el, 'pay-error')) as PayErrorEvent;
      await el.updateComplete;

      expect(detail.code).to.equal('verification_failed');
      expect(detail.provider).to.equal('square');
      expect(text(alertRegion(el))).to.equal(
        'Your bank could not verify this payment. Nothing was charged; please try again or use another card.'
      );
      expect(server.requestsTo('/api/square/payments')).to.have.length(0);
      expect(payButton(el).disabled).to.equal(false);

      square.verifyResult = null;
      await pay(el, 'pay-success');
      expect(square.tokenizes).to.equal(2);
    });

    it('points at the field the card form refused, and creates nothing', async () => {
      square.tokenResult = {
        status: 'Invalid',
        errors: [
          {type: 'VALIDATION_ERROR', field: 'cvv', message: 'CVV is not valid'},
          {
            type: 'VALIDATION_ERROR',
            field: 'postalCode',
            message: 'Postal code is not valid',
          },
        ],
      };
      const {el} = await ready(twoTees());

      const {detail} = (await pay(el, 'pay-error')) as PayErrorEvent;
      await el.updateComplete;

      expect(detail.code).to.equal('invalid_cvv');
      expect(text(alertRegion(el))).to.equal(
        "Check your card's security code (CVV)."
      );
      expect(square.focused).to.deep.equal(['cvv']);
      expect(square.verifications).to.have.length(0);
      expect(server.requestsTo('/api/square/payments')).to.have.length(0);
      expect(payButton(el).disabled).to.equal(false);
    });

    for (const [field, code, message] of [
      ['cardNumber', 'invalid_card_number', 'Check your card number.'],
      [
        'expirationDate',
        'invalid_expiration',
        "Check your card's expiry date.",
      ],
      ['postalCode', 'invalid_postal_code', "Check your card's postal code."],
    ] as const) {
      it(`says which field to fix: ${field}`, async () => {
        square.tokenResult = {
          status: 'Invalid',
          errors: [{type: 'VALIDATION_ERROR', field, message: 'x'}],
        };
        const {el} = await ready(twoTees());
        const {detail} = (await pay(el, 'pay-error')) as PayErrorEvent;
        expect(detail.code).to.equal(code);
        expect(detail.message).to.equal(message);
        expect(square.focused).to.deep.equal([field]);
      });
    }

    it("says so in the buyer's language (de)", async () => {
      square.tokenResult = {
        status: 'Invalid',
        errors: [
          {type: 'VALIDATION_ERROR', field: 'expirationDate', message: 'x'},
        ],
      };
      const {el} = await ready(
        html`<pay-checkout provider="square" locale="de" email="a@b.co"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      const {detail} = (await pay(el, 'pay-error')) as PayErrorEvent;
      expect(detail.message).to.equal(
        'Prüfen Sie das Ablaufdatum Ihrer Karte.'
      );
    });

    it("shows a decline in the server's words (which name the reason), and pays once with another card", async () => {
      let attempt = 0;
      const charge = server.squarePayment;
      server.squarePayment = (request) =>
        attempt++ === 0
          ? error(
              402,
              'card_declined',
              'The card was declined: the security code (CVV) is not right.'
            )
          : charge(request);
      const {el} = await ready(twoTees());

      const {detail} = (await pay(el, 'pay-error')) as PayErrorEvent;
      await el.updateComplete;
      expect(detail.code).to.equal('card_declined');
      expect(text(alertRegion(el))).to.equal(
        'The card was declined: the security code (CVV) is not right.'
      );
      expect(payButton(el).disabled).to.equal(false);

      square.tokenResult = {status: 'OK', token: 'cnon:second-card'};
      await pay(el, 'pay-success');
      const creates = server.requestsTo('/api/square/payments');
      expect(creates).to.have.length(2);
      expect((creates[1]!.body as {sourceId: string}).sourceId).to.equal(
        'cnon:second-card'
      );
      // A new attempt is a new request: a new key.
      expect(creates[1]!.headers.get('Idempotency-Key')).to.not.equal(
        creates[0]!.headers.get('Idempotency-Key')
      );
    });

    it('shows a decline in the buyer’s language (fr)', async () => {
      server.squarePayment = () =>
        error(402, 'card_declined', 'The card was declined.');
      const {el} = await ready(
        html`<pay-checkout provider="square" locale="fr" email="a@b.co"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      const {detail} = (await pay(el, 'pay-error')) as PayErrorEvent;
      expect(detail.message).to.match(/^Votre carte a été refusée/);
    });

    for (const [declineCode, sentence] of [
      [
        'insufficient_funds',
        'Ihre Karte ist nicht ausreichend gedeckt. Bitte versuchen Sie es mit einer anderen Karte.',
      ],
      [
        'incorrect_postal_code',
        'Die Postleitzahl passt nicht zu Ihrer Karte. Bitte prüfen Sie sie und versuchen Sie es erneut.',
      ],
    ] as const) {
      it(`says the server's declineCode in the buyer's language (de: ${declineCode}), not the English message`, async () => {
        server.squarePayment = () => {
          const answer = error(402, 'card_declined', 'The card was declined.');
          Object.assign((answer.body as {error: object}).error, {declineCode});
          return answer;
        };
        const {el} = await ready(
          html`<pay-checkout provider="square" locale="de" email="a@b.co"
            ><pay-item sku="tee"></pay-item
          ></pay-checkout>`
        );
        const {detail} = (await pay(el, 'pay-error')) as PayErrorEvent;
        await el.updateComplete;
        expect(detail.code).to.equal(declineCode);
        expect(detail.message).to.equal(sentence);
        expect(text(alertRegion(el))).to.equal(sentence);
      });
    }

    it('says the declineCode in English in its own sentence', async () => {
      server.squarePayment = () => {
        const answer = error(402, 'card_declined', 'The card was declined.');
        Object.assign((answer.body as {error: object}).error, {
          declineCode: 'incorrect_cvc',
        });
        return answer;
      };
      const {el} = await ready(twoTees());
      const {detail} = (await pay(el, 'pay-error')) as PayErrorEvent;
      expect(detail.message).to.equal(
        "Your card's security code is incorrect."
      );
    });

    it('shows the new total when the server repriced the cart, and charges nothing', async () => {
      server.priceBumpAtPayment = 100;
      const {el} = await ready(twoTees());

      const changed = oneEvent(el, 'pay-change') as Promise<PayChangeEvent>;
      payButton(el).click();
      const {detail} = await changed;
      await el.updateComplete;

      expect(detail.quote.total).to.equal(3200);
      expect(text(part(el, 'total'))).to.include(money(32));
      expect(text(alertRegion(el))).to.equal(
        'Prices changed; please review the new total.'
      );
      await waitUntil(() => !payButton(el).disabled, 'Pay stays disabled');
      expect(text(payButton(el))).to.equal(`Pay ${money(32)}`);
    });

    it('disables Pay while paying: one token, one payment, whatever the clicks', async () => {
      const {el} = await ready(twoTees());
      let release!: () => void;
      square.tokenizeGate = new Promise((resolve) => (release = resolve));

      const succeeded = oneEvent(el, 'pay-success');
      const button = payButton(el);
      button.click();
      button.click();
      await el.updateComplete;
      expect(button.disabled).to.equal(true);
      expect(text(button)).to.equal('Processing…');
      button.click();
      release();
      await succeeded;

      expect(square.tokenizes).to.equal(1);
      expect(server.requestsTo('/api/square/payments')).to.have.length(1);
    });

    it('stops before tokenizing when pay-submit is cancelled', async () => {
      const {el} = await ready(twoTees());
      el.addEventListener('pay-submit', (event) => event.preventDefault(), {
        once: true,
      });
      const {detail} = await pay(el, 'pay-cancel');
      expect(detail).to.deep.equal({provider: 'square', reason: 'prevented'});
      expect(square.tokenizes).to.equal(0);
    });

    it("says Square's own failure in our words when tokenize() errs", async () => {
      square.tokenResult = {
        status: 'Error',
        errors: [{type: 'NETWORK_ERROR', message: 'offline'}],
      };
      const {el} = await ready(twoTees());
      const {detail} = (await pay(el, 'pay-error')) as PayErrorEvent;
      expect(detail.code).to.equal('square_error');
      expect(detail.message).to.equal(
        'Square could not process your card. Nothing was charged; please try again.'
      );
    });
  });

  describe('verification details', () => {
    it("writes the amount as Square's decimal string, by the currency's exponent", () => {
      expect(decimalAmount(3000, 'usd')).to.equal('30.00');
      expect(decimalAmount(5, 'EUR')).to.equal('0.05');
      expect(decimalAmount(1200, 'jpy')).to.equal('1200');
      expect(decimalAmount(12345, 'kwd')).to.equal('12.345');
      expect(decimalAmount(900719925474099, 'usd')).to.equal(
        '9007199254740.99'
      );
    });

    it('gives the billing address (else the shipping one) as the billing contact', () => {
      const request = {
        items: [],
        currency: 'gbp',
        expectedTotal: 100,
        returnUrl: '/',
        email: 'ada@example.com',
        shippingAddress: {
          country: 'gb',
          name: 'Ada King Lovelace',
          line1: '1 St James Sq',
          line2: 'Flat 2',
          city: 'London',
          postalCode: 'SW1Y 4JH',
        },
      };
      expect(billingContact(request)).to.deep.equal({
        email: 'ada@example.com',
        givenName: 'Ada King',
        familyName: 'Lovelace',
        addressLines: ['1 St James Sq', 'Flat 2'],
        city: 'London',
        postalCode: 'SW1Y 4JH',
        countryCode: 'GB',
      });
      expect(
        billingContact({
          ...request,
          billingAddress: {country: 'fr', name: 'Zidane', region: 'IDF'},
        })
      ).to.deep.equal({
        email: 'ada@example.com',
        givenName: 'Zidane',
        state: 'IDF',
        countryCode: 'FR',
      });
    });
  });
});
