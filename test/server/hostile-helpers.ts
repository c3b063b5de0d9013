/**
 * Hostile input for the admin tests: buyer fields that are markup, formulas and RTL marks, a
 * server whose logger keeps its lines, and the checks that nothing raw or no stack got out.
 */
import assert from 'node:assert/strict';
import pino from 'pino';
import {TOKEN, adminServer, orderAt} from './admin-helpers.js';

export const SCRIPT = '<script>alert(1)</script>';
export const IMG = `"'><img src=x onerror=alert(2)>`;
export const RTL = '\u202Egnp.exe';
export const FORMULA = '=HYPERLINK("https://evil.example","click")';

/** A logger that keeps its lines, to show no stack or error was logged. */
export function collectingLogger() {
  const lines: string[] = [];
  const logger = pino({level: 'debug'}, {write: (line) => lines.push(line)});
  return {logger, lines};
}

export function assertQuietLog(lines: string[]) {
  for (const line of lines) {
    assert.doesNotMatch(line, /"stack"|\bat .+:\d+:\d+/, line);
    assert.ok(JSON.parse(line).level < 50, `an error was logged: ${line}`);
  }
}

export async function hostileServer() {
  const {logger, lines} = collectingLogger();
  const server = await adminServer({
    admin: {token: TOKEN, loginAttempts: 5},
    logger,
  });
  return {server, lines};
}

/** A paid order whose buyer fields are markup, a formula and an RTL override. */
export async function hostileOrder(
  server: Awaited<ReturnType<typeof adminServer>>
) {
  await orderAt(server, 'ord_evil', '2026-11-02T10:00:00.000Z', {
    email: `${SCRIPT}@example.com`,
    status: 'paid',
  });
  await server.store.update('ord_evil', () => ({
    shippingAddress: {
      country: 'US',
      name: `${FORMULA}${RTL}`,
      line1: IMG,
      line2: SCRIPT,
      city: `+cmd|' /C calc'!A0`,
    },
  }));
  return (await server.store.get('ord_evil'))!;
}

/** No raw markup from the order, and its escaped form where the field is shown. */
export function assertEscaped(text: string) {
  assert.ok(!text.includes(SCRIPT), 'a raw <script>');
  assert.ok(!text.includes('<img src=x'), 'a raw <img>');
  assert.doesNotMatch(text, /onerror=alert\(2\)>/);
}
