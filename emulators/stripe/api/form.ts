/**
 * Stripe's v1 wire dialect: `application/x-www-form-urlencoded` with bracket nesting
 * (`metadata[order_id]=42`, `card[exp_month]=12`) and indexed or empty-bracket arrays
 * (`payment_method_types[0]=card`, `expand[]=latest_charge`).
 *
 * Values stay strings and arrays stay objects keyed by index: whether `metadata[0]` is a list
 * item or a metadata key is decided by the reader of that parameter, not by the parser.
 */
export type ParamValue = string | Params;
export interface Params {
  [key: string]: ParamValue;
}

export function parseForm(body: string): Params {
  return fromPairs(new URLSearchParams(body));
}

export function parseQuery(url: string): Params {
  return fromPairs(new URL(url).searchParams);
}

/** `a[b][0]` → `['a', 'b', '0']`; `a[]` → `['a', '']` (an append). */
function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0 || !key.endsWith(']')) return [key];
  const segments = [key.slice(0, open)];
  for (const match of key.slice(open).matchAll(/\[([^\]]*)\]/g))
    segments.push(match[1]);
  return segments;
}

function fromPairs(pairs: URLSearchParams): Params {
  const root: Params = {};
  for (const [key, value] of pairs) {
    const path = splitKey(key);
    let node = root;
    for (let i = 0; i < path.length - 1; i++) {
      const segment = appendIndex(node, path[i]);
      const child = node[segment];
      if (typeof child === 'object') {
        node = child;
      } else {
        // A scalar and a nested value under the same name: the nested one wins, as in Rack.
        const created: Params = {};
        node[segment] = created;
        node = created;
      }
    }
    node[appendIndex(node, path[path.length - 1])] = value;
  }
  return root;
}

function appendIndex(node: Params, segment: string): string {
  return segment === '' ? String(Object.keys(node).length) : segment;
}

/** A stable rendering of parameters, for comparing an idempotent retry with the original. */
export function canonicalParams(value: ParamValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalParams(value[k])}`).join(',')}}`;
}
