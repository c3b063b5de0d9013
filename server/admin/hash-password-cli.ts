/**
 * `pay-checkout-server hash-password`: reads a password from standard input (from a terminal
 * without echoing it, asked twice; else the first line of what is piped in) and prints the
 * ADMIN_PASSWORD_HASH for it.
 */
import {createInterface} from 'node:readline';
import {hashPassword} from './password.js';

/** Reads one line from a TTY without echoing what is typed. */
function askSilently(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    let line = '';
    process.stderr.write(prompt);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(line);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new Error('canceled'));
          return;
        }
        if (char === '\u007f' || char === '\b') line = line.slice(0, -1);
        else line += char;
      }
    };
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    input.on('data', onData);
  });
}

async function firstLine(): Promise<string> {
  const lines = createInterface({input: process.stdin, terminal: false});
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

/** Resolves to the process's exit code. */
export async function printPasswordHash(): Promise<number> {
  let password: string;
  if (process.stdin.isTTY) {
    password = await askSilently('Admin password: ');
    const again = await askSilently('Again: ');
    if (again !== password) {
      console.error('hash-password: the two passwords differ.');
      return 1;
    }
  } else {
    password = (await firstLine()).replace(/\r$/, '');
  }
  if (password.length < 12) {
    console.error('hash-password: use at least 12 characters.');
    return 1;
  }
  console.log(await hashPassword(password));
  return 0;
}
