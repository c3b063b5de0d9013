/**
 * The emulator the browser suites run against. Until the Square emulator's web-sdk routes
 * land, a stand-in with the same browser-facing surface (the bundles and the frames' pages,
 * `POST /web-sdk/v1/card-nonces`, `/verifications` and `/verifications/:id/complete`), built
 * from the fake's own pages and bundled by the shared bundler; the suites do not know which.
 */
import {Hono} from 'hono';
import {createBundler} from '../../shared/bundle.js';
import {serveOnLoopback} from '../../shared/serve.js';
import {cardFramePage, challengePage} from '../../square/browser/pages.js';

export interface BrowserEmulator {
  url: string;
  close(): Promise<void>;
}

const ENTRIES = {
  squareJs: '../../square/browser/square-js.ts',
  cardFrame: '../../square/browser/card-frame.ts',
  challenge: '../../square/browser/challenge-frame.ts',
} as const;

const CHALLENGED = new Set(['4310000000201019', '5500000000201016']);
const KNOWN = new Set([
  '4111111111111111',
  '5105105105105100',
  '340000000000009',
  '4000000000000002',
  ...CHALLENGED,
]);

export async function startBrowserEmulator(options: {
  applicationId: string;
}): Promise<BrowserEmulator> {
  const bundle = createBundler(ENTRIES, import.meta.url);
  const nonces = new Map<string, string>();
  const verifications = new Map<string, string>();
  let next = 1;
  const app = new Hono();
  app.use('/web-sdk/*', async (c, go) => {
    await go();
    c.res.headers.set('access-control-allow-origin', '*');
  });
  app.options('/web-sdk/*', (c) =>
    c.body(null, 204, {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type',
      'access-control-allow-methods': 'POST',
    })
  );
  const script = async (entry: keyof typeof ENTRIES) =>
    new Response(await bundle(entry), {
      headers: {'content-type': 'text/javascript; charset=utf-8'},
    });
  const page = (html: string) =>
    new Response(html, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy':
          "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; frame-ancestors *",
      },
    });
  app.get('/v1/square.js', () => script('squareJs'));
  app.get('/web-sdk/v1/card-frame.js', () => script('cardFrame'));
  app.get('/web-sdk/v1/challenge.js', () => script('challenge'));
  app.get('/web-sdk/v1/card-frame.html', () =>
    page(cardFramePage('/web-sdk/v1/card-frame.js'))
  );
  app.get('/web-sdk/v1/challenge.html', () =>
    page(challengePage('/web-sdk/v1/challenge.js'))
  );
  app.post('/web-sdk/v1/card-nonces', async (c) => {
    const body = await c.req.json<Record<string, string>>();
    if (body.applicationId !== options.applicationId)
      return c.json({errors: [{message: 'Unknown application.'}]}, 401);
    if (!KNOWN.has(body.cardNumber))
      return c.json(
        {errors: [{field: 'cardNumber', message: 'Not a sandbox card.'}]},
        400
      );
    const token = `cnon:stand-in-${next++}`;
    nonces.set(token, body.cardNumber);
    const [month, year] = body.expirationDate!.split('/');
    return c.json({
      token,
      details: {
        method: 'Card',
        card: {
          brand: body.cardNumber.startsWith('4') ? 'VISA' : 'MASTERCARD',
          last4: body.cardNumber.slice(-4),
          expMonth: Number(month),
          expYear: 2000 + Number(year),
        },
      },
    });
  });
  app.post('/web-sdk/v1/verifications', async (c) => {
    const body = await c.req.json<{token: string}>();
    const number = nonces.get(body.token);
    if (!number) return c.json({errors: [{message: 'Unknown token.'}]}, 400);
    const token = `verf:stand-in-${next++}`;
    verifications.set(token, 'challenged');
    return c.json({token, challenge: CHALLENGED.has(number)});
  });
  app.post('/web-sdk/v1/verifications/:id/complete', async (c) => {
    const id = c.req.param('id');
    if (!verifications.has(id)) return c.json({errors: []}, 404);
    const {outcome} = await c.req.json<{outcome: string}>();
    verifications.set(id, outcome);
    return c.json({token: id, status: outcome});
  });
  const served = await serveOnLoopback({app, close: async () => {}});
  return {url: served.url, close: served.close};
}
