/**
 * The browser half of the emulator, on its own origin (so the card form is cross-origin to the
 * shop, as web.squarecdn.com is):
 *
 * - `GET /v1/square.js`: the Web Payments SDK fake (`browser/square-js.ts`);
 * - `GET /web-sdk/v1/card-frame.html` + `.js`: the card form's frame (`browser/card-frame.ts`);
 * - `GET /web-sdk/v1/challenge.html` + `.js`: the SCA challenge (`browser/challenge-frame.ts`);
 * - `POST /web-sdk/v1/card-nonces`, `POST /web-sdk/v1/verifications` and
 *   `POST /web-sdk/v1/verifications/:token/complete`: what the fake calls (card-nonces.ts,
 *   verifications.ts), with CORS for any origin (square.js calls from the shop's page).
 */
import {Hono} from 'hono';
import {cors} from 'hono/cors';
import {createBundler} from '../../shared/bundle.js';
import {
  SQUARE_BROWSER_PATHS,
  cardFramePage,
  challengePage,
} from '../browser/pages.js';
import type {Core} from '../core/state.js';
import {createCardNonce, type WebSdkAnswer} from './card-nonces.js';
import {completeVerification, createVerification} from './verifications.js';

// The scripts are TypeScript in ../browser/, bundled on first request (../../shared/bundle.ts).
const ENTRIES = {
  squareJs: '../browser/square-js.ts',
  cardFrame: '../browser/card-frame.ts',
  challenge: '../browser/challenge-frame.ts',
} as const;

const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  // The shop embeds both documents (Square's frames are embedded the same way).
  'frame-ancestors *',
];

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return text.trim() ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

const answer = (result: WebSdkAnswer): Response =>
  new Response(JSON.stringify(result.body), {
    status: result.status,
    headers: {'content-type': 'application/json', 'cache-control': 'no-store'},
  });

export function webSdkRoutes(core: Core) {
  const app = new Hono();
  const bundle = createBundler(ENTRIES, import.meta.url);

  async function script(entry: keyof typeof ENTRIES): Promise<Response> {
    let source: string;
    try {
      source = await bundle(entry);
    } catch {
      // The fake's sources are missing or do not build: say so, and let the script tag fail.
      return new Response(
        '/* Square emulator: the Web Payments SDK fake could not be built. */\n',
        {
          status: 503,
          headers: {
            'content-type': 'application/javascript; charset=utf-8',
            'access-control-allow-origin': '*',
          },
        }
      );
    }
    return new Response(source, {
      headers: {
        'content-type': 'application/javascript; charset=utf-8',
        'cache-control': 'no-cache',
        'access-control-allow-origin': '*',
        'x-content-type-options': 'nosniff',
      },
    });
  }

  const page = (html: string): Response =>
    new Response(html, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': PAGE_POLICY.join('; '),
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
      },
    });

  app.get(SQUARE_BROWSER_PATHS.squareJs, () => script('squareJs'));
  app.get(SQUARE_BROWSER_PATHS.cardFrame, () =>
    page(cardFramePage(SQUARE_BROWSER_PATHS.cardFrameScript))
  );
  app.get(SQUARE_BROWSER_PATHS.cardFrameScript, () => script('cardFrame'));
  app.get(SQUARE_BROWSER_PATHS.challenge, () =>
    page(challengePage(SQUARE_BROWSER_PATHS.challengeScript))
  );
  app.get(SQUARE_BROWSER_PATHS.challengeScript, () => script('challenge'));

  app.use(
    '/web-sdk/v1/*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type'],
      maxAge: 300,
    })
  );
  app.post('/web-sdk/v1/card-nonces', async (c) =>
    answer(createCardNonce(core, await readJson(c.req.raw)))
  );
  app.post('/web-sdk/v1/verifications', async (c) =>
    answer(createVerification(core, await readJson(c.req.raw)))
  );
  app.post('/web-sdk/v1/verifications/:token/complete', async (c) =>
    answer(
      completeVerification(
        core,
        c.req.param('token'),
        await readJson(c.req.raw)
      )
    )
  );

  return app;
}
