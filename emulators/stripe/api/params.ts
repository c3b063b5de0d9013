/**
 * Reading Stripe parameters. Stripe refuses anything it does not know ("Received unknown
 * parameter: x"), so every endpoint declares the shape it accepts and is checked against it
 * before anything runs. An empty string is Stripe's way of unsetting an optional value.
 */
import {
  invalidParams,
  unknownParameter,
  unsupportedParameter,
} from './errors.js';
import type {ParamValue, Params} from './form.js';

/**
 * `true` a scalar, `'list'` an array of scalars, `'map'` free string keys (metadata), a Shape
 * an object, `listOf(shape)` an array of objects (`line_items[0][quantity]`).
 */
type Spec = true | 'list' | 'map' | Shape | ListOf;
export interface Shape {
  [key: string]: Spec;
}

class ListOf {
  constructor(readonly shape: Shape) {}
}

export function listOf(shape: Shape): ListOf {
  return new ListOf(shape);
}

/** `card[number]` inside `payment_method_data` is named `payment_method_data[card][number]`. */
export function nestParam(prefix: string, name: string): string {
  if (!prefix) return name;
  const open = name.indexOf('[');
  return open < 0
    ? `${prefix}[${name}]`
    : `${prefix}[${name.slice(0, open)}]${name.slice(open)}`;
}

/**
 * `unsupported` names parameters Stripe has but the emulator refuses; inside a list of objects
 * they are written with empty brackets (`line_items[][tax_rates]`).
 */
export function checkParams(
  params: Params,
  shape: Shape,
  unsupported: readonly string[] = []
) {
  checkObject(params, shape, {name: '', pattern: ''}, unsupported);
}

/** A parameter's name, and the same name with list indices left out (for `unsupported`). */
interface Path {
  name: string;
  pattern: string;
}

function child(path: Path, key: string, index = false): Path {
  if (!path.name) return {name: key, pattern: key};
  return {
    name: `${path.name}[${key}]`,
    pattern: `${path.pattern}[${index ? '' : key}]`,
  };
}

function checkObject(
  params: Params,
  shape: Shape,
  path: Path,
  unsupported: readonly string[]
) {
  for (const [key, value] of Object.entries(params)) {
    const inner = child(path, key);
    const spec = shape[key];
    if (spec === undefined) {
      throw unsupported.includes(inner.pattern)
        ? unsupportedParameter(inner.name)
        : unknownParameter(inner.name);
    }
    checkValue(value, spec, inner, unsupported);
  }
}

function checkValue(
  value: ParamValue,
  spec: Spec,
  path: Path,
  unsupported: readonly string[]
) {
  const name = path.name;
  if (spec === true) {
    if (typeof value !== 'string')
      throw invalidParams(`Invalid string: ${name}`, name);
    return;
  }
  // An empty string unsets a list, a map or an object.
  if (typeof value === 'string') {
    if (value === '') return;
    throw invalidParams(`Invalid object: ${name}`, name);
  }
  if (spec === 'list') {
    for (const [index, item] of Object.entries(value)) {
      if (!/^\d+$/.test(index) || typeof item !== 'string') {
        throw invalidParams(`Invalid array: ${name}`, name);
      }
    }
  } else if (spec instanceof ListOf) {
    for (const [index, item] of Object.entries(value)) {
      if (!/^\d+$/.test(index))
        throw invalidParams(`Invalid array: ${name}`, name);
      const inner = child(path, index, true);
      if (typeof item !== 'object') {
        throw invalidParams(`Invalid object: ${inner.name}`, inner.name);
      }
      checkObject(item, spec.shape, inner, unsupported);
    }
  } else if (spec === 'map') {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item !== 'string')
        throw invalidParams(`Invalid string: ${name}[${key}]`, name);
    }
  } else {
    checkObject(value, spec, path, unsupported);
  }
}

function scalar(params: Params, key: string): string | undefined {
  const value = params[key];
  return typeof value === 'string' ? value : undefined;
}

/** A string, `null` when sent empty (unset), `undefined` when absent. */
export function readString(
  params: Params,
  key: string
): string | null | undefined {
  const value = scalar(params, key);
  return value === '' ? null : value;
}

export function readInteger(
  params: Params,
  key: string,
  name = key
): number | undefined {
  const value = scalar(params, key);
  if (value === undefined || value === '') return undefined;
  if (!/^-?\d+$/.test(value)) {
    throw invalidParams(
      `Invalid integer: ${value}`,
      name,
      'parameter_invalid_integer'
    );
  }
  return Number(value);
}

export function readBoolean(
  params: Params,
  key: string,
  name = key
): boolean | undefined {
  const value = scalar(params, key);
  if (value === undefined || value === '') return undefined;
  if (value !== 'true' && value !== 'false')
    throw invalidParams(`Invalid boolean: ${value}`, name);
  return value === 'true';
}

export function readEnum<T extends string>(
  params: Params,
  key: string,
  allowed: readonly T[],
  name = key
): T | undefined {
  const value = scalar(params, key);
  if (value === undefined || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    const list =
      allowed.length > 1
        ? `${allowed.slice(0, -1).join(', ')}, or ${allowed[allowed.length - 1]}`
        : allowed[0];
    throw invalidParams(`Invalid ${name}: must be one of ${list}`, name);
  }
  return value as T;
}

export function readList(params: Params, key: string): string[] | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [];
  return Object.keys(value)
    .sort((a, b) => Number(a) - Number(b))
    .map((index) => value[index] as string);
}

/** A list of objects (checked with `listOf`), in index order. */
export function readObjectList(
  params: Params,
  key: string
): Params[] | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [];
  return Object.keys(value)
    .sort((a, b) => Number(a) - Number(b))
    .map((index) => value[index] as Params);
}

export function readObject(params: Params, key: string): Params | undefined {
  const value = params[key];
  return typeof value === 'object' ? value : undefined;
}

/** Stripe's limits: 50 keys, keys up to 40 characters, values up to 500. */
export function readMetadata(
  params: Params,
  current: Record<string, string> = {},
  key = 'metadata'
): Record<string, string> | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return {}; // `metadata=` clears every key
  const next = {...current};
  for (const [name, item] of Object.entries(value)) {
    if (typeof item !== 'string') continue;
    if (name.length > 40) {
      throw invalidParams(
        `Metadata keys can have up to 40 characters, but you passed in a key that is ${name.length} characters.`,
        `${key}[${name}]`
      );
    }
    if (item.length > 500) {
      throw invalidParams(
        `Metadata values can have up to 500 characters, but you passed in a value that is ${item.length} characters.`,
        `${key}[${name}]`
      );
    }
    if (item === '') delete next[name];
    else next[name] = item;
  }
  if (Object.keys(next).length > 50) {
    throw invalidParams('You can have up to 50 metadata keys.', key);
  }
  return next;
}

export function readEmail(
  params: Params,
  key: string
): string | null | undefined {
  const value = readString(params, key);
  if (value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    throw invalidParams(
      `Invalid email address: ${value}`,
      key,
      'email_invalid'
    );
  }
  return value;
}
