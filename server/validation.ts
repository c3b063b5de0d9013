/**
 * Validation at the edge: a JSON body parsed against a contract schema, or a 400 in the
 * contract's shape that says which field is wrong.
 */
import type {Context} from 'hono';
import type {z} from 'zod';
import {ApiError, invalidRequest} from './errors.js';

export async function readJson<T extends z.ZodType>(
  c: Context,
  schema: T
): Promise<z.output<T>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiError(
      400,
      'invalid_request',
      'Send the body as JSON (Content-Type: application/json).'
    );
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw invalidRequest('The body is not valid JSON.');
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    // A quantity that is a number but not a whole one in range is out of range; any other
    // shape mistake is a malformed request.
    const wholeNumberExpected =
      issue.code !== 'invalid_type' || issue.expected === 'int';
    const code =
      issue.path.at(-1) === 'quantity' && wholeNumberExpected
        ? 'quantity_out_of_range'
        : 'invalid_request';
    throw new ApiError(400, code, `${where}${issue.message}`);
  }
  return result.data;
}
