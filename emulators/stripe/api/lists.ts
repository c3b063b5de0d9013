/**
 * Stripe's list answers (docs.stripe.com/api/pagination): `limit` (1–100, default 10) and a
 * cursor, `starting_after` or `ending_before`, naming an object of the list.
 */
import type {ListJson} from '../core/types.js';
import {invalidParams, noSuch} from './errors.js';
import type {Params} from './form.js';
import {readInteger, readString} from './params.js';

/** The parameters every list takes; an endpoint adds its own filters. */
export const PAGINATION = {
  limit: true,
  starting_after: true,
  ending_before: true,
} as const;

/** One page of `all` (already in the list's order), and whether more follow it. */
export function paginate<T extends {id: string}>(
  all: readonly T[],
  params: Params,
  url: string,
  kind: string
): ListJson<T> {
  const limit = readInteger(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidParams('This value must be between 1 and 100.', 'limit');
  }
  const startingAfter = readString(params, 'starting_after');
  const endingBefore = readString(params, 'ending_before');
  if (startingAfter && endingBefore) {
    throw invalidParams(
      'You may only specify one of these parameters: ending_before, starting_after.',
      'ending_before'
    );
  }
  const indexOf = (id: string, param: string) => {
    const index = all.findIndex((item) => item.id === id);
    if (index < 0) throw noSuch(kind, id, param);
    return index;
  };
  let page: T[];
  let hasMore: boolean;
  if (endingBefore) {
    const before = all.slice(0, indexOf(endingBefore, 'ending_before'));
    hasMore = before.length > limit;
    page = before.slice(-limit);
  } else {
    const rest = startingAfter
      ? all.slice(indexOf(startingAfter, 'starting_after') + 1)
      : all;
    hasMore = rest.length > limit;
    page = rest.slice(0, limit);
  }
  return {object: 'list', data: page, has_more: hasMore, url};
}
