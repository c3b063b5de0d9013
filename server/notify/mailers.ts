/**
 * Where emails go: an SMTP server (SMTP_URL) through nodemailer, or, with no SMTP configured,
 * a folder of .eml files a developer can open — and list at /dev/mail — so nothing is lost.
 */
import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import nodemailer from 'nodemailer';
import type {Mailer} from './email.js';

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({
        from,
        ...message,
        messageId: message.messageId,
      });
    },
  };
}

/** Writes each message as an .eml file (named by its Message-ID, so a resend overwrites it). */
export function folderMailer(
  folder: string,
  from: string
): Mailer & {list(): Promise<StoredEmail[]>} {
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from,
        ...message,
        messageId: message.messageId,
      });
      await mkdir(folder, {recursive: true});
      const name = message.messageId.replace(/[^A-Za-z0-9._-]/g, '_');
      await writeFile(join(folder, `${name}.eml`), info.message as Buffer);
    },
    async list() {
      const names = await readdir(folder).catch(() => [] as string[]);
      const emails = await Promise.all(
        names
          .filter((name) => name.endsWith('.eml'))
          .map(async (name) =>
            parseStored(name, await readFile(join(folder, name), 'utf8'))
          )
      );
      return emails.sort((a, b) => b.date.localeCompare(a.date));
    },
  };
}

export interface StoredEmail {
  file: string;
  to: string;
  subject: string;
  date: string;
  source: string;
}

function parseStored(file: string, source: string): StoredEmail {
  const header = (name: string) =>
    new RegExp(`^${name}: (.*)$`, 'mi').exec(source)?.[1] ?? '';
  const date = Date.parse(header('Date'));
  return {
    file,
    to: header('To'),
    subject: header('Subject'),
    date: Number.isNaN(date) ? '' : new Date(date).toISOString(),
    source,
  };
}
