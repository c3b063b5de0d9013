/**
 * PayPal's sandbox negative testing: a request header
 * `PayPal-Mock-Response: {"mock_application_codes": "INSTRUMENT_DECLINED"}` makes the call fail
 * with that issue, whatever the request. The emulator honours it for every issue it knows, so
 * the same tests can run against the sandbox; the order is left untouched. An unknown code is
 * refused (400) rather than ignored.
 */
import type {MiddlewareHandler} from 'hono';
import type {Env} from './context.js';
import {ISSUES, PaypalApiError, detail, issueError} from './errors.js';

export function mockResponses(): MiddlewareHandler<Env> {
  return async (c, next) => {
    const header = c.req.header('PayPal-Mock-Response');
    if (header === undefined) return next();
    let code: unknown;
    try {
      code = (JSON.parse(header) as {mock_application_codes?: unknown})
        .mock_application_codes;
    } catch {
      code = undefined;
    }
    if (typeof code !== 'string' || !(code in ISSUES)) {
      throw issueError('INVALID_PARAMETER_VALUE', {
        field: 'PayPal-Mock-Response',
        value: header,
        location: 'header',
      });
    }
    const status = ISSUES[code]![0];
    if (status === 500) throw new PaypalApiError(500, []);
    throw new PaypalApiError(status, [detail(code)]);
  };
}
