import {Hono} from 'hono';
import {plainPagePolicy} from '../csp.js';
import type {StoredEmail} from '../notify/mailers.js';

// A stylesheet of its own rather than inline: the page allows no inline style or script.
const STYLES =
  'body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{padding:6px 12px;border-bottom:1px solid #ddd;text-align:left}';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) =>
      ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[
        c
      ]!
  );

/**
 * /dev/mail: the emails the shop would have sent, when no SMTP server is configured. Mounted
 * by server/node.ts only in that case, and only in development — it is a developer's page, not
 * part of the API.
 */
export function devMailRoutes(list: () => Promise<StoredEmail[]>) {
  return new Hono()
    .use(async (c, next) => {
      await next();
      c.header('Content-Security-Policy', plainPagePolicy());
    })
    .get('/style.css', (c) =>
      c.body(STYLES, 200, {'content-type': 'text/css; charset=utf-8'})
    )
    .get('/', async (c) => {
      const emails = await list();
      const rows = emails
        .map(
          (e) =>
            `<tr><td>${escapeHtml(e.date)}</td><td>${escapeHtml(e.to)}</td>` +
            `<td><a href="/dev/mail/${encodeURIComponent(e.file)}">${escapeHtml(e.subject)}</a></td></tr>`
        )
        .join('\n');
      return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Outbox · pay-checkout</title>
<link rel="stylesheet" href="/dev/mail/style.css">
</head><body><main><h1>Emails sent (development outbox)</h1>
<p>No <code>SMTP_URL</code> is set, so emails are written to a folder instead of sent. Newest first.</p>
<table><thead><tr><th>Date</th><th>To</th><th>Subject</th></tr></thead><tbody>
${rows || '<tr><td colspan="3">No emails yet.</td></tr>'}
</tbody></table></main></body></html>`);
    })
    .get('/:file', async (c) => {
      const email = (await list()).find((e) => e.file === c.req.param('file'));
      if (!email) return c.text('No such email.', 404);
      return c.text(email.source);
    });
}
