/**
 * Square's list endpoints (ListPayments, ListPaymentRefunds): newest first unless
 * `sort_order=ASC`, at most `limit` (100) per page, and a `cursor` for the next page that the
 * SDK's pager follows. The emulator's cursor is an offset into the same ordering.
 */
import {invalidRequest, requestError} from './errors.js';

const MAX_PAGE = 100;

/** `items` oldest first (as created); answers one page and the next page's cursor, if any. */
export function listPage<T>(
  items: T[],
  query: Record<string, string | undefined>
): {page: T[]; cursor: string | undefined} {
  const limit = query.limit === undefined ? MAX_PAGE : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    throw invalidRequest(
      requestError('INVALID_VALUE', 'Invalid `limit`.', 'limit')
    );
  }
  const start =
    query.cursor === undefined ? 0 : Number.parseInt(atob(query.cursor), 10);
  if (!Number.isInteger(start) || start < 0) {
    throw invalidRequest(
      requestError('INVALID_VALUE', 'Invalid `cursor`.', 'cursor')
    );
  }
  const ordered = query.sort_order === 'ASC' ? items : [...items].reverse();
  const page = ordered.slice(start, start + Math.min(limit, MAX_PAGE));
  const next = start + page.length;
  return {page, cursor: next < ordered.length ? btoa(String(next)) : undefined};
}

/** `begin_time` (inclusive) and `end_time` (exclusive) on `created_at`. */
export function inTimeRange(
  createdAt: string,
  query: Record<string, string | undefined>
): boolean {
  return (
    (query.begin_time === undefined || createdAt >= query.begin_time) &&
    (query.end_time === undefined || createdAt < query.end_time)
  );
}
