/**
 * Transaction search as the SDK runs it (transaction_gateway.js `search`, advanced_search.js):
 * `POST …/transactions/advanced_search_ids` with the criteria answers the matching ids and a
 * page size; then `POST …/transactions/advanced_search` with `ids: [...]` (one page) answers
 * those transactions in a `<credit-card-transactions type="collection">`. Text fields take
 * `is`/`is_not`/`starts_with`/`ends_with`/`contains`, multiple-value fields an array, ranges
 * `min`/`max`/`is`.
 */
import {collection, type XmlValue, array} from '../api/xml.js';
import {formatAmount} from '../core/money.js';
import type {Core, TransactionRecord} from '../core/state.js';
import {transactionView} from './view.js';

export const PAGE_SIZE = 50;

type Criteria = Record<string, unknown>;

function textMatches(value: string | null, criterion: unknown): boolean {
  if (typeof criterion !== 'object' || criterion === null) return true;
  const c = criterion as Record<string, unknown>;
  const v = value ?? '';
  const lower = v.toLowerCase();
  if (typeof c.is === 'string' && lower !== c.is.toLowerCase()) return false;
  if (typeof c.is_not === 'string' && lower === c.is_not.toLowerCase())
    return false;
  if (
    typeof c.starts_with === 'string' &&
    !lower.startsWith(c.starts_with.toLowerCase())
  )
    return false;
  if (
    typeof c.ends_with === 'string' &&
    !lower.endsWith(c.ends_with.toLowerCase())
  )
    return false;
  if (
    typeof c.contains === 'string' &&
    !lower.includes(c.contains.toLowerCase())
  )
    return false;
  return true;
}

function inList(value: string, criterion: unknown): boolean {
  if (!Array.isArray(criterion)) return true;
  return criterion.map(String).includes(value);
}

function inRange(
  value: number,
  criterion: unknown,
  parse: (s: string) => number
): boolean {
  if (typeof criterion !== 'object' || criterion === null) return true;
  const c = criterion as Record<string, unknown>;
  if (typeof c.min === 'string' && value < parse(c.min)) return false;
  if (typeof c.max === 'string' && value > parse(c.max)) return false;
  if (typeof c.is === 'string' && value !== parse(c.is)) return false;
  return true;
}

function matches(t: TransactionRecord, criteria: Criteria): boolean {
  const amount = Number(formatAmount(t.amountMinor, t.currency));
  return (
    textMatches(t.id, criteria.id) &&
    textMatches(t.orderId, criteria.order_id) &&
    textMatches(t.currency, criteria.currency) &&
    inList(t.id, criteria.ids) &&
    inList(t.status, criteria.status) &&
    inList(t.type, criteria.type) &&
    inList(t.merchantAccountId, criteria.merchant_account_id) &&
    inList(t.method.instrument, criteria.payment_instrument_type) &&
    inRange(amount, criteria.amount, Number) &&
    inRange(t.createdAt, criteria.created_at, Date.parse)
  );
}

function criteriaOf(body: unknown): Criteria {
  const search = (body as {search?: unknown} | undefined)?.search;
  return typeof search === 'object' && search !== null
    ? (search as Criteria)
    : {};
}

/** Oldest first, as Braintree orders search results by creation. */
function matching(core: Core, body: unknown): TransactionRecord[] {
  const criteria = criteriaOf(body);
  return [...core.state.transactions.values()].filter((t) =>
    matches(t, criteria)
  );
}

export function searchIds(core: Core, body: unknown): XmlValue {
  return {
    pageSize: PAGE_SIZE,
    ids: array(
      'item',
      matching(core, body).map((t) => t.id)
    ),
  };
}

export function searchPage(core: Core, body: unknown): XmlValue {
  const found = matching(core, body).slice(0, PAGE_SIZE);
  return collection(
    {currentPageNumber: 1, pageSize: PAGE_SIZE, totalItems: found.length},
    {name: 'transaction', items: found.map((t) => transactionView(core, t))}
  );
}
