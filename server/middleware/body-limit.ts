/**
 * A body limit decided from Content-Length before anything is read. Only a body sent without
 * one (chunked) is read as it arrives, counted, refused as soon as it passes the limit, and
 * handed on to the route as bytes.
 *
 * hono/body-limit looks at `c.req.raw.body` first, whatever the headers say; on
 * @hono/node-server that alone builds a full Request around a ReadableStream of the socket for
 * every request, which costs more than pricing a cart. Here a request with a length never
 * touches `c.req.raw`, so the route reads its body straight from Node (`c.req.json()`).
 */
import type {Context, MiddlewareHandler, Next} from 'hono';

/** `tooLarge()` makes the error to throw (an ApiError 413 in the contract's shape). */
export function bodyLimit(
  maxBytes: number,
  tooLarge: () => Error
): MiddlewareHandler {
  // Not an async function: a request with a length goes on without a promise of its own.
  return (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('content-length');
    // With Transfer-Encoding the length means nothing (Node refuses both at once anyway).
    if (
      length !== undefined &&
      /^\d+$/.test(length) &&
      c.req.header('transfer-encoding') === undefined
    ) {
      if (Number(length) > maxBytes) throw tooLarge();
      return next();
    }
    return readCounted(c, next, maxBytes, tooLarge);
  };
}

/** A body without a length (chunked), read and counted; handed on as bytes. */
async function readCounted(
  c: Context,
  next: Next,
  maxBytes: number,
  tooLarge: () => Error
) {
  const body = c.req.raw.body;
  if (!body) return next();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    size += value.byteLength;
    // The rest is left unread: the adapter drains it after the answer.
    if (size > maxBytes) throw tooLarge();
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  c.req.raw = new Request(c.req.raw, {body: bytes});
  await next();
}
