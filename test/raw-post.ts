/**
 * A POST over loopback with whatever Host header a client cares to send (fetch would set its
 * own): for the tests that show a request's Host never changes what the server trusts.
 */
import {request as httpRequest} from 'node:http';

export function rawPost(
  port: number,
  path: string,
  body: unknown,
  headers: Record<string, string> = {}
): Promise<{status: number; json: {error?: {code: string}; url?: string}}> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {'content-type': 'application/json', ...headers},
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({status: res.statusCode!, json: JSON.parse(text)})
        );
      }
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
