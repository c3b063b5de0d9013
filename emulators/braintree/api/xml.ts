/**
 * Braintree's wire format out: XML with dashed element names and `type` attributes (`integer`,
 * `boolean`, `datetime`, `array`, `collection`, `nil="true"`), which the SDK's xml2js step turns
 * back into camelCased objects (`lib/braintree/util.js` convertNodeToObject). Values are built as
 * plain objects with camelCase keys; numbers are integers, decimals are strings, as Braintree
 * sends them.
 */

/** A node the serializer writes with a `type` attribute it cannot infer from a JS value. */
export interface TypedText {
  readonly xmlType: 'datetime' | 'date' | 'symbol';
  readonly text: string;
}

/** An array written as `<name type="array"><item>…</item>…</name>`, each child named `item`. */
export interface XmlArray {
  readonly xmlArray: string;
  readonly items: readonly XmlValue[];
}

/** A `type="collection"` node (search results): keys as children, no array. */
export interface XmlCollection {
  readonly xmlCollection: {readonly [key: string]: XmlValue};
  /** Children that repeat one name (`<transaction>` after `<transaction>`), after the fields. */
  readonly repeated?: {
    readonly name: string;
    readonly items: readonly XmlValue[];
  };
}

export type XmlValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | TypedText
  | XmlArray
  | XmlCollection
  | {readonly [key: string]: XmlValue};

export function datetime(ms: number): TypedText {
  return {xmlType: 'datetime', text: isoSeconds(ms)};
}

export function date(ms: number): TypedText {
  return {xmlType: 'date', text: isoSeconds(ms).slice(0, 10)};
}

export function symbol(text: string): TypedText {
  return {xmlType: 'symbol', text};
}

/** `<name type="array">` whose children are each `<item>` (e.g. `<status-event>`). */
export function array(item: string, items: readonly XmlValue[]): XmlArray {
  return {xmlArray: item, items};
}

export function collection(
  fields: {readonly [key: string]: XmlValue},
  repeated?: {name: string; items: readonly XmlValue[]}
): XmlCollection {
  return {xmlCollection: fields, ...(repeated && {repeated})};
}

/** `2026-12-02T01:00:00Z`: Braintree's datetimes are UTC to the second. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** camelCase → dashed, digits split off as the SDK's toCamelCase joins them (`last4` ↔ `last-4`). */
export function dashed(key: string): string {
  return key
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([a-zA-Z])([0-9]+)/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function escape(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped rather than breaking the document.
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>"']/g, (c) => ESCAPES[c]!)
  );
}

function isTyped(value: object): value is TypedText {
  return 'xmlType' in value;
}
function isArray(value: object): value is XmlArray {
  return 'xmlArray' in value;
}
function isCollection(value: object): value is XmlCollection {
  return 'xmlCollection' in value;
}

function element(name: string, value: XmlValue, indent: string): string {
  const tag = dashed(name);
  if (value === null || value === undefined)
    return `${indent}<${tag} nil="true"/>`;
  if (typeof value === 'number') {
    return `${indent}<${tag} type="integer">${Math.trunc(value)}</${tag}>`;
  }
  if (typeof value === 'boolean') {
    return `${indent}<${tag} type="boolean">${value}</${tag}>`;
  }
  if (typeof value === 'string') {
    return value === ''
      ? `${indent}<${tag}></${tag}>`
      : `${indent}<${tag}>${escape(value)}</${tag}>`;
  }
  if (isTyped(value)) {
    return `${indent}<${tag} type="${value.xmlType}">${escape(value.text)}</${tag}>`;
  }
  if (isArray(value)) {
    if (value.items.length === 0) return `${indent}<${tag} type="array"/>`;
    const children = value.items.map((item) =>
      element(value.xmlArray, item, `${indent}  `)
    );
    return `${indent}<${tag} type="array">\n${children.join('\n')}\n${indent}</${tag}>`;
  }
  if (isCollection(value)) {
    const repeated = (value.repeated?.items ?? []).map((item) =>
      element(value.repeated!.name, item, `${indent}  `)
    );
    const inner = [children(value.xmlCollection, indent), ...repeated]
      .filter(Boolean)
      .join('\n');
    return `${indent}<${tag} type="collection">\n${inner}\n${indent}</${tag}>`;
  }
  const inner = children(value, indent);
  return inner
    ? `${indent}<${tag}>\n${inner}\n${indent}</${tag}>`
    : `${indent}<${tag}>\n${indent}</${tag}>`;
}

function children(
  fields: {readonly [key: string]: XmlValue},
  indent: string
): string {
  return Object.entries(fields)
    .map(([key, child]) => element(key, child, `${indent}  `))
    .join('\n');
}

/** A whole document: `<?xml …?>` and one root element. */
export function xmlDocument(root: string, value: XmlValue): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value, '')}\n`;
}

/** Just the element, for embedding (a webhook's `<subject>`). */
export function xmlElement(root: string, value: XmlValue): string {
  return element(root, value, '');
}
