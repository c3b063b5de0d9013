/**
 * The HTTP server around the app on Node: @hono/node-server's request listener, with the
 * answers that Node and the adapter would otherwise make on their own, outside the app, in
 * the contract's JSON error shape. Without this, a malformed request line or header gets
 * Node's empty `400`, headers that are too large an empty `431`, an HTTP/1.1 request without
 * Host an empty `400`, an unknown `Expect` an empty `417`, and a request the adapter cannot
 * turn into a `Request` (a bad Host header, a backslash in the path) its empty `400`.
 */
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeader,
  type OutgoingHttpHeaders,
  type Server,
  ServerResponse,
  STATUS_CODES,
} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {Duplex} from 'node:stream';
import {getRequestListener, RequestError} from '@hono/node-server';
import {getConnInfo} from '@hono/node-server/conninfo';
import type {ErrorBody, ErrorCode} from './contract.js';
import type {Logger} from './log.js';
import {
  contextHeaders,
  type HeaderList,
  type HeaderTarget,
} from './middleware/headers.js';
import {type ClientAddress, forwardedAddress} from './middleware/rate-limit.js';

type FetchCallback = Parameters<typeof getRequestListener>[0];

interface ServeOptions {
  fetch: FetchCallback;
  port?: number;
  hostname?: string;
  logger?: Logger;
}

const body = (code: ErrorCode, message: string) =>
  JSON.stringify({error: {code, message}} satisfies ErrorBody);

const HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

const unreadable = () =>
  body('invalid_request', 'The request could not be read.');

/** A raw HTTP/1.1 response, for a socket that has no ServerResponse (the parser failed). */
function rawResponse(status: number, text: string): string {
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    ...Object.entries(HEADERS).map(([name, value]) => `${name}: ${value}`),
    `content-length: ${Buffer.byteLength(text)}`,
    'connection: close',
  ];
  return `${head.join('\r\n')}\r\n\r\n${text}`;
}

function answer(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, {
    ...HEADERS,
    'content-length': Buffer.byteLength(text),
    connection: 'close',
  });
  res.end(text);
}

/** What Node's parser refused, as Node's own handler maps it, with a JSON body. */
function parserAnswer(code: string | undefined): [number, string] {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return [
        431,
        body('invalid_request', 'The request headers are too large.'),
      ];
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return [
        413,
        body('payload_too_large', 'The chunk extensions are too large.'),
      ];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, body('invalid_request', 'The request took too long.')];
    default:
      return [400, unreadable()];
  }
}

/** Builds the server; `listen` it, or use `serve`. */
export function createHttpServer(options: ServeOptions): Server {
  const listener = getRequestListener(options.fetch, {
    hostname: options.hostname,
    errorHandler(error) {
      if (error instanceof RequestError)
        return new Response(unreadable(), {status: 400, headers: HEADERS});
      // Ours: named in the log, never described to the caller.
      options.logger?.error(
        {error: (error as Error)?.name},
        'the request could not be handled'
      );
      return new Response(
        body('internal_error', 'Something went wrong on our side.'),
        {status: 500, headers: HEADERS}
      );
    },
  });
  // requireHostHeader: false, so that the check below answers it in JSON rather than Node.
  const server = createServer(
    {requireHostHeader: false, ServerResponse: AppResponse},
    (req: IncomingMessage, res: ServerResponse) => {
      if (
        req.httpVersionMajor === 1 &&
        req.httpVersionMinor === 1 &&
        req.headers.host === undefined
      ) {
        // RFC 9112 §3.2: an HTTP/1.1 request without Host is answered 400.
        answer(
          res,
          400,
          body('invalid_request', 'The Host header is missing.')
        );
        return;
      }
      void listener(req, res);
    }
  );
  server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) =>
    answer(
      res,
      417,
      body('invalid_request', 'Only "Expect: 100-continue" is supported.')
    )
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's own handler: nobody is left to answer on a reset connection, and a response
    // already being written on this connection cannot be replaced by another.
    const inFlight = (socket as {_httpMessage?: {headersSent?: boolean}})
      ._httpMessage;
    if (
      error.code === 'ECONNRESET' ||
      !socket.writable ||
      inFlight?.headersSent
    ) {
      socket.destroy();
      return;
    }
    const [status, text] = parserAnswer(error.code);
    socket.end(rawResponse(status, text));
    // A peer that never closes its side does not keep the socket.
    setTimeout(() => socket.destroy(), 1000).unref();
  });
  return server;
}

/** Where nodeHeaders keeps an answer's fixed headers until its head is written. */
const FIXED = Symbol('fixed headers');

/**
 * Node's response with the app's fixed headers written in its head. `setHeader` for each of
 * them (validated, lowercased and stored one by one) cost more than the rest of a quote's
 * head; kept as the lists they are and merged into the one object the adapter writes, they
 * cost a copy. A header of the same name in the answer wins, as it did over `setHeader`.
 */
class AppResponse extends ServerResponse {
  [FIXED]?: HeaderList[];

  override writeHead(
    status: number,
    reason?: string | OutgoingHttpHeaders | OutgoingHttpHeader[],
    headers?: OutgoingHttpHeaders | OutgoingHttpHeader[]
  ): this {
    const lists = this[FIXED];
    const answer = typeof reason === 'string' ? headers : reason;
    const message = typeof reason === 'string' ? reason : undefined;
    if (lists === undefined) return super.writeHead(status, message, answer);
    this[FIXED] = undefined;
    if (Array.isArray(answer)) {
      // Not what the adapter writes; the plain way.
      for (const list of lists)
        for (const [name, value] of list) this.setHeader(name, value);
      return super.writeHead(status, message, answer);
    }
    const taken = answer ? Object.keys(answer).map((k) => k.toLowerCase()) : [];
    const head: OutgoingHttpHeaders = {};
    for (const list of lists)
      for (const [name, value] of list)
        if (!taken.includes(name.toLowerCase())) head[name] = value;
    return super.writeHead(status, message, Object.assign(head, answer));
  }
}

/**
 * The app's fixed headers on Node's own response (the adapter's bindings: `c.env.outgoing`),
 * written in its head together with whatever the app answers (a header of the same name in
 * the answer wins): no Fetch Headers built for them, no `setHeader` each (AppResponse).
 * Outside this adapter (app.request in a test), on the answer as usual.
 */
export const nodeHeaders: HeaderTarget = {
  set(c, headers) {
    const outgoing = (c.env as {outgoing?: unknown} | undefined)?.outgoing;
    if (outgoing instanceof AppResponse) {
      (outgoing[FIXED] ??= []).push(headers);
      return false;
    }
    if (!(outgoing instanceof ServerResponse))
      return contextHeaders.set(c, headers);
    for (const [name, value] of headers) outgoing.setHeader(name, value);
    return false;
  },
  ensure(c, headers) {
    const outgoing = (c.env as {outgoing?: unknown} | undefined)?.outgoing;
    if (!(outgoing instanceof ServerResponse))
      contextHeaders.ensure(c, headers);
  },
};

/** As @hono/node-server's `serve`: builds the server, listens, calls back once listening. */
export function serve(
  options: ServeOptions,
  listening?: (info: AddressInfo) => void
): Server {
  const server = createHttpServer(options);
  server.listen(options.port ?? 3000, options.hostname, () =>
    listening?.(server.address() as AddressInfo)
  );
  return server;
}

/**
 * Who a request is from, for the abuse limits: the socket's remote address; with TRUST_PROXY,
 * the address the proxy in front appended to X-Forwarded-For. Never a header otherwise.
 */
export function clientAddress(trustProxy: boolean): ClientAddress {
  const socket: ClientAddress = (c) => {
    try {
      return getConnInfo(c).remote.address;
    } catch {
      return undefined; // not a request from this adapter (app.request in a test)
    }
  };
  return trustProxy ? forwardedAddress(socket) : socket;
}
