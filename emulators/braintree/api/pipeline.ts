/**
 * The middleware of the gateway API, as small named factories: HTTP Basic with the merchant's
 * public and private key (and the path's merchant id), the JSON body the SDK sends, XML answers
 * gzipped when asked (the SDK sends `Accept-Encoding: gzip` and gunzips), and injected faults.
 */
import {gzipSync} from 'node:zlib';
import {timingSafeEqual} from 'node:crypto';
import type {Context, MiddlewareHandler} from 'hono';
import type {FaultController} from '../../shared/faults.js';
import {requestFaults} from '../../shared/request-faults.js';
import type {Env} from './context.js';
import {BraintreeHttpError, authenticationFailed} from './errors.js';
import {xmlDocument, type XmlValue} from './xml.js';

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** 401 unless `Authorization: Basic base64(publicKey:privateKey)` and the path names this merchant. */
export function requireKeys(credentials: {
  merchantId: string;
  publicKey: string;
  privateKey: string;
}): MiddlewareHandler<Env> {
  const expected = `Basic ${Buffer.from(`${credentials.publicKey}:${credentials.privateKey}`).toString('base64')}`;
  return async (c, next) => {
    const header = c.req.header('Authorization')?.trim() ?? '';
    if (
      !same(header, expected) ||
      c.req.param('merchantId') !== credentials.merchantId
    ) {
      throw authenticationFailed();
    }
    await next();
  };
}

/** Request bodies are JSON (the SDK's `Content-Type: application/json`); empty is allowed. */
export function jsonBody(): MiddlewareHandler<Env> {
  return async (c, next) => {
    c.set('body', undefined);
    if (
      c.req.method !== 'GET' &&
      c.req.method !== 'HEAD' &&
      c.req.method !== 'OPTIONS'
    ) {
      const text = await c.req.text();
      if (text.trim()) {
        try {
          c.set('body', JSON.parse(text));
        } catch {
          throw new BraintreeHttpError(400);
        }
      }
    }
    await next();
  };
}

/** An XML answer, `application/xml; charset=utf-8`, gzipped when the client accepts it. */
export function xml(
  c: Context,
  status: number,
  root: string,
  value: XmlValue
): Response {
  return xmlText(c, status, xmlDocument(root, value));
}

export function xmlText(c: Context, status: number, text: string): Response {
  const headers = new Headers({
    'Content-Type': 'application/xml; charset=utf-8',
  });
  const gzip = /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '');
  if (gzip) {
    headers.set('Content-Encoding', 'gzip');
    return new Response(gzipSync(text), {status, headers});
  }
  return new Response(text, {status, headers});
}

/** Injected faults: a failure is a 500 (the SDK's serverError); a hang waits or never answers. */
export function braintreeRequestFaults(
  faults: FaultController<unknown>
): MiddlewareHandler<Env> {
  return requestFaults<Env>(faults, {
    closed: () => new BraintreeHttpError(500),
    failed: () => new BraintreeHttpError(500),
  });
}
