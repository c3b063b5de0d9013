/**
 * The frame of every admin page: hono/html templates, which escape every value put in them
 * (only other templates go in unescaped). No script anywhere: each action is a form.
 */
import {html} from 'hono/html';
import type {HtmlEscapedString} from 'hono/utils/html';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export type Section = 'orders' | 'outbox' | 'export';

export interface PageFrame {
  title: string;
  /** The signed-in frame (navigation, sign out); absent on the sign-in page. */
  session?: {csrf: string; current?: Section};
}

const SECTIONS: [Section, string, string][] = [
  ['orders', 'Orders', '/admin/orders'],
  ['outbox', 'Outbox', '/admin/outbox'],
  ['export', 'Export', '/admin/export'],
];

/** The CSRF token every action's form carries. */
export const csrfField = (csrf: string) =>
  html`<input type="hidden" name="csrf" value="${csrf}" />`;

export function page(frame: PageFrame, body: Html): Html {
  const {session} = frame;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${frame.title} · pay-checkout admin</title>
        <link rel="stylesheet" href="/admin/admin.css" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        ${
          session
            ? html`<header>
                <nav aria-label="Admin">
                  <ul>
                    ${SECTIONS.map(
                      ([id, label, href]) =>
                        html`<li>
                          <a
                            href="${href}"
                            ${
                              session.current === id
                                ? html`aria-current="page"`
                                : ''
                            }
                            >${label}</a
                          >
                        </li>`
                    )}
                  </ul>
                </nav>
                <form method="post" action="/admin/logout">
                  ${csrfField(session.csrf)}
                  <button type="submit">Sign out</button>
                </form>
              </header>`
            : ''
        }
        <main id="main">${body}</main>
      </body>
    </html>`;
}

/** A short message after an action (from a fixed list, never from the request). */
export const notice = (text: string | undefined) =>
  text ? html`<p class="notice" role="status">${text}</p>` : '';

export const problem = (text: string | undefined) =>
  text ? html`<p class="error" role="alert">${text}</p>` : '';

/** A wide table in a region that scrolls sideways on a narrow screen (and by keyboard). */
export const scroller = (label: string, table: Html) =>
  html`<div class="scroll" role="region" aria-label="${label}" tabindex="0">
    ${table}
  </div>`;
