import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import '../../widget/index.js';
import type {PayCheckout, PayErrorEvent} from '../../widget/index.js';

/**
 * An element bundled into an app, with no `server` attribute, asks the app's own origin for
 * /api/config. What answers there is not a companion server: a 404 page, or an app dev
 * server's index.html for every path.
 */
describe('<pay-checkout> without a companion server', () => {
  let originalFetch: typeof fetch;
  let originalError: typeof console.error;
  let logged: string[];

  beforeEach(() => {
    originalFetch = window.fetch;
    originalError = console.error;
    logged = [];
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
  });

  afterEach(() => {
    window.fetch = originalFetch;
    console.error = originalError;
  });

  function answerEveryPath(status: number, body: string, type: string) {
    window.fetch = async () =>
      new Response(body, {status, headers: {'content-type': type}});
  }

  async function loadError(): Promise<{el: PayCheckout; event: PayErrorEvent}> {
    const failed = oneEvent(document, 'pay-error') as Promise<PayErrorEvent>;
    const el = await fixture<PayCheckout>(
      html`<pay-checkout><pay-item sku="tee"></pay-item></pay-checkout>`
    );
    const event = await failed;
    await el.updateComplete;
    return {el, event};
  }

  it('says server_not_found and names the server attribute when the origin answers 404', async () => {
    answerEveryPath(404, 'Cannot GET /api/config', 'text/html');
    const {el, event} = await loadError();

    expect(event.detail.code).to.equal('server_not_found');
    expect(event.detail.message).to.contain('server attribute');
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain(event.detail.message);
    expect(logged.join('\n')).to.match(
      new RegExp(`no pay-checkout server answered at ${location.origin}`)
    );
    expect(logged.join('\n')).to.contain('server="https://');
  });

  it('says server_not_found when an app dev server answers its index.html', async () => {
    answerEveryPath(200, '<!doctype html><div id="app"></div>', 'text/html');
    const {event} = await loadError();

    expect(event.detail.code).to.equal('server_not_found');
  });

  it("keeps the companion server's own 404 answers as they are", async () => {
    window.fetch = async (input) => {
      const path = new URL(String(input), location.href).pathname;
      const body =
        path === '/api/config'
          ? {currency: 'usd', providers: {}}
          : {error: {code: 'not_found', message: 'No such endpoint.'}};
      return new Response(JSON.stringify(body), {
        status: path === '/api/config' ? 200 : 404,
        headers: {'content-type': 'application/json'},
      });
    };
    const {event} = await loadError();

    expect(event.detail.code).to.equal('not_found');
    expect(logged).to.deep.equal([]);
  });
});
