/**
 * The shop's emails as a developer sees them: without SMTP_URL the shop writes them to a
 * folder (startShop gives it a temporary MAIL_DIR) and lists them at /dev/mail.
 */
import assert from 'node:assert/strict';

export interface Email {
  to: string;
  subject: string;
  /** The whole message, quoted-printable decoded. */
  body: string;
}

/** The files of the outbox, as /dev/mail lists them. */
export async function outbox(shopUrl: string): Promise<string[]> {
  const response = await fetch(`${shopUrl}/dev/mail`);
  assert.equal(response.status, 200);
  const page = await response.text();
  return [...page.matchAll(/<a href="\/dev\/mail\/([^"]+)">/g)].map(
    ([, file]) => decodeURIComponent(file!)
  );
}

/** One email as /dev/mail/:file serves it: its headers (unfolded, decoded) and its text. */
export async function openEmail(shopUrl: string, file: string): Promise<Email> {
  const response = await fetch(
    `${shopUrl}/dev/mail/${encodeURIComponent(file)}`
  );
  assert.equal(response.status, 200);
  const raw = await response.text();
  const [head = ''] = raw.split(/\r?\n\r?\n/, 1);
  const header = (name: string) =>
    decodeWords(
      new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'mi')
        .exec(head)?.[1]
        ?.replace(/\r?\n[ \t]/g, ' ') ?? ''
    );
  return {
    to: header('To'),
    subject: header('Subject'),
    body: decodeQuotedPrintable(raw),
  };
}

/** The emails about `orderId`, waiting (up to 15 s) for the first to arrive. */
export async function emailsAbout(
  shopUrl: string,
  orderId: string
): Promise<Email[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const files = await outbox(shopUrl);
    const emails = await Promise.all(
      files.map((file) => openEmail(shopUrl, file))
    );
    const found = emails.filter((email) => email.subject.includes(orderId));
    if (found.length || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Quoted-printable bodies (soft line breaks, `=XX` bytes) back to UTF-8 text. */
function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  return joined.replace(/(?:=[0-9A-F]{2})+/g, (run) =>
    Buffer.from(run.replace(/=/g, ''), 'hex').toString('utf8')
  );
}

/** RFC 2047 encoded words in a header (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`). */
function decodeWords(header: string): string {
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?utf-8\?([qb])\?([^?]*)\?=/gi,
      (_, encoding: string, data: string) =>
        encoding.toLowerCase() === 'b'
          ? Buffer.from(data, 'base64').toString('utf8')
          : decodeQuotedPrintable(data.replace(/_/g, ' '))
    );
}
