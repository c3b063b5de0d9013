/**
 * The field checks PayPal's schema and money rules make, collecting every problem with its JSON
 * pointer: 400-level issues (the shape) and 422-level ones (currencies, decimals, signs) are kept
 * apart, because PayPal reports the first kind before the second.
 */
import {ISSUES, detail, type ErrorDetail} from '../api/errors.js';
import {
  MAX_HUNDREDTHS,
  NO_DECIMAL_CURRENCIES,
  PAYPAL_CURRENCIES,
  VALUE_PATTERN,
  decimalPlaces,
  toHundredths,
} from '../core/money.js';

export type Json = Record<string, unknown>;

/** `amount` must be positive; every other Money (breakdown, unit prices, tax) non-negative. */
type MoneyKind = 'amount' | 'non-negative';

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class Checker {
  readonly invalid: ErrorDetail[] = [];
  readonly unprocessable: ErrorDetail[] = [];

  report(issue: string, field: string, value?: unknown): void {
    const shown =
      value === undefined
        ? undefined
        : typeof value === 'string'
          ? value
          : JSON.stringify(value);
    const entry = detail(issue, {
      field,
      ...(shown !== undefined && {value: shown}),
    });
    if ((ISSUES[issue]?.[0] ?? 422) === 422) this.unprocessable.push(entry);
    else this.invalid.push(entry);
  }

  /** An optional string of `min`..`max` characters; `required` reports a missing one. */
  string(
    parent: Json,
    key: string,
    path: string,
    max: number,
    required = false
  ): string | undefined {
    const value = parent[key];
    const field = `${path}/${key}`;
    if (value === undefined || value === null) {
      if (required) this.report('MISSING_REQUIRED_PARAMETER', field);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.report('INVALID_PARAMETER_SYNTAX', field, value);
      return undefined;
    }
    if (value.length < 1 || value.length > max) {
      this.report('INVALID_STRING_LENGTH', field, value);
      return undefined;
    }
    return value;
  }

  /** A Money object; returns its value in hundredths when every check passed. */
  money(
    value: unknown,
    path: string,
    kind: MoneyKind,
    unitCurrency: string | undefined
  ): bigint | undefined {
    if (value === undefined || value === null) {
      this.report('MISSING_REQUIRED_PARAMETER', path);
      return undefined;
    }
    if (!isObject(value)) {
      this.report('MALFORMED_REQUEST_JSON', path, value);
      return undefined;
    }
    const currency = this.currency(value, path, unitCurrency);
    const raw = value.value;
    const field = `${path}/value`;
    if (raw === undefined || raw === null) {
      this.report('MISSING_REQUIRED_PARAMETER', field);
      return undefined;
    }
    if (typeof raw !== 'string' || !VALUE_PATTERN.test(raw)) {
      this.report('INVALID_PARAMETER_SYNTAX', field, raw);
      return undefined;
    }
    if (raw.length > 32) {
      this.report('INVALID_STRING_LENGTH', field, raw);
      return undefined;
    }
    if (currency === undefined) return undefined;
    const decimals = decimalPlaces(raw);
    if (NO_DECIMAL_CURRENCIES.has(currency) && raw.includes('.')) {
      this.report('DECIMALS_NOT_SUPPORTED', field, raw);
      return undefined;
    }
    if (decimals > 2) {
      this.report('DECIMAL_PRECISION', field, raw);
      return undefined;
    }
    const hundredths = toHundredths(raw);
    if (kind === 'amount' && hundredths <= 0n) {
      this.report('CANNOT_BE_ZERO_OR_NEGATIVE', field, raw);
      return undefined;
    }
    if (hundredths < 0n) {
      this.report('CANNOT_BE_NEGATIVE', field, raw);
      return undefined;
    }
    if (hundredths > MAX_HUNDREDTHS) {
      this.report('MAX_VALUE_EXCEEDED', field, raw);
      return undefined;
    }
    return hundredths;
  }

  private currency(
    money: Json,
    path: string,
    unitCurrency: string | undefined
  ): string | undefined {
    const code = money.currency_code;
    const field = `${path}/currency_code`;
    if (code === undefined || code === null) {
      this.report('MISSING_REQUIRED_PARAMETER', field);
      return undefined;
    }
    if (typeof code !== 'string') {
      this.report('INVALID_PARAMETER_SYNTAX', field, code);
      return undefined;
    }
    if (code.length !== 3) {
      this.report('INVALID_STRING_LENGTH', field, code);
      return undefined;
    }
    if (!PAYPAL_CURRENCIES.has(code)) {
      this.report('INVALID_CURRENCY_CODE', field, code);
      return undefined;
    }
    if (unitCurrency !== undefined && code !== unitCurrency) {
      this.report('CURRENCY_MISMATCH', field, code);
      return undefined;
    }
    return code;
  }
}
