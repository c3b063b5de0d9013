/**
 * The admin area at /admin: sign-in, then the orders, the outbox and the export
 * (admin/handlers.ts). Server-rendered HTML that needs no script; every answer is no-store and
 * carries a policy that loads nothing but the area's own stylesheet; every action is a POST
 * from our own pages with the session's CSRF token, and is written to the audit log.
 * createCheckoutServer mounts it only when a token or a password hash is configured: without
 * either, /admin is an unknown path like any other.
 */
import {Hono, type Context, type MiddlewareHandler} from 'hono';
import {bodyLimit} from '../middleware/body-limit.js';
import {clientBucket} from '../middleware/rate-limit.js';
import {
  actorOf,
  credentials,
  csrfToken,
  equalSecrets,
  fromOurPages,
  newSession,
  sessionCookie,
  sessionHash,
} from './auth.js';
import {type AdminDeps, type AdminEnv, plainPage, readForm} from './deps.js';
import {adminPages} from './handlers.js';
import {loginPage} from './pages/login.js';
import {ADMIN_CSS} from './pages/styles.js';

const POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const LOGIN_WINDOW_MS = 15 * 60_000;

class FormTooLarge extends Error {}

export function adminRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const {options, ctx} = deps;
  const admin = ctx.store.admin;
  const check = credentials(options);
  const secure =
    options.secureCookie ?? Boolean(ctx.publicOrigin?.startsWith('https:'));
  const cookie = sessionCookie(secure);
  const ttlMs = options.sessionTtlMs ?? 12 * 3_600_000;
  const idleMs = options.idleTimeoutMs ?? 30 * 60_000;
  const attempts = options.loginAttempts ?? 10;
  const iso = () => ctx.now().toISOString();
  const idleSince = () => new Date(ctx.now().getTime() - idleMs).toISOString();
  const address = (c: Context) => deps.clientAddress(c);

  const app = new Hono<AdminEnv>();

  app.use('*', async (c, next) => {
    c.header('Content-Security-Policy', POLICY);
    c.header('Cache-Control', 'no-store');
    c.header('X-Frame-Options', 'DENY');
    c.header('X-Robots-Tag', 'noindex');
    // The shop's no-referrer makes Chromium send `Origin: null` with a form's POST, which the
    // check below would refuse: our own origin is what it must see.
    c.header('Referrer-Policy', 'same-origin');
    await next();
  });
  // Forms are small; an action from another site is refused before its body is read. Too
  // large is a page too (the API's JSON error means nothing to a person at a browser).
  const limit = bodyLimit(16 * 1024, () => new FormTooLarge());
  app.use('*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (c.req.method !== 'POST')
      return plainPage(c, 404, 'Not found', 'There is no such page.');
    if (!fromOurPages(c, ctx.publicOrigin))
      return plainPage(
        c,
        403,
        'Refused',
        'This form was not sent from the admin pages.'
      );
    try {
      return await limit(c, next);
    } catch (error) {
      if (!(error instanceof FormTooLarge)) throw error;
      return plainPage(
        c,
        413,
        'Too large',
        'The form is larger than 16 KB; nothing was done.'
      );
    }
  });

  app.get('/admin.css', (c) =>
    c.body(ADMIN_CSS, 200, {'Content-Type': 'text/css; charset=utf-8'})
  );

  const loginOptions = {
    tokenToo: Boolean(options.token),
    passwordToo: Boolean(options.passwordHash),
  };
  app.get('/login', (c) => c.html(loginPage(loginOptions)));
  app.post('/login', async (c) => {
    const client = address(c);
    const {hits, resetAt} = await ctx.store.countHit(
      `admin-login:${clientBucket(client)}`,
      LOGIN_WINDOW_MS
    );
    if (hits > attempts) {
      const seconds = Math.max(
        1,
        Math.ceil((resetAt - ctx.now().getTime()) / 1000)
      );
      c.header('Retry-After', String(seconds));
      return c.html(
        loginPage({
          ...loginOptions,
          error: `Too many sign-in attempts from this address; try again in ${Math.ceil(seconds / 60)} min.`,
        }),
        429
      );
    }
    const body = await readForm(c);
    const secret = typeof body.secret === 'string' ? body.secret : '';
    const method = await check.check(secret);
    if (!method) {
      await admin.audit({
        at: iso(),
        actor: 'anonymous',
        action: 'login_failed',
        clientAddress: client,
      });
      return c.html(
        loginPage({
          ...loginOptions,
          error: 'That is not the admin token or password.',
        }),
        401
      );
    }
    await admin.deleteEndedSessions(iso(), idleSince());
    const {id, session} = newSession(method, ctx.now(), ttlMs);
    await admin.createSession(session);
    await admin.audit({
      at: iso(),
      actor: actorOf(session),
      action: 'login',
      detail: method,
      clientAddress: client,
    });
    cookie.write(c, id, Math.floor(ttlMs / 1000));
    return c.redirect('/admin/orders', 303);
  });

  // Everything below needs a live session; an action also its CSRF token.
  const signedIn: MiddlewareHandler<AdminEnv> = async (c, next) => {
    const id = cookie.read(c);
    const session =
      id && (await admin.liveSession(sessionHash(id), iso(), idleSince()));
    if (!id || !session) {
      if (id) cookie.clear(c);
      if (c.req.method === 'POST')
        return plainPage(
          c,
          403,
          'Signed out',
          'Your session has ended; sign in again.'
        );
      return c.redirect('/admin/login', 303);
    }
    const csrf = csrfToken(id);
    if (c.req.method === 'POST') {
      const body = await readForm(c);
      const sent = typeof body.csrf === 'string' ? body.csrf : '';
      if (!equalSecrets(sent, csrf))
        return plainPage(
          c,
          403,
          'Refused',
          'This form has expired or was not sent from the admin pages; reload the page and try again.'
        );
    }
    await admin.touchSession(session.idHash, iso());
    c.set('session', session);
    c.set('csrf', csrf);
    await next();
  };
  app.use('*', signedIn);

  app.post('/logout', async (c) => {
    const session = c.get('session');
    await admin.deleteSession(session.idHash);
    await admin.audit({
      at: iso(),
      actor: actorOf(session),
      action: 'logout',
      clientAddress: address(c),
    });
    cookie.clear(c);
    return c.redirect('/admin/login', 303);
  });
  app.get('/', (c) => c.redirect('/admin/orders', 303));

  app.route('/', adminPages(deps));
  app.all('*', (c) => plainPage(c, 404, 'Not found', 'There is no such page.'));
  return app;
}
