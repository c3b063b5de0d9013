/**
 * Reading a request body the way Square checks it: each field's type and length, every problem
 * collected and answered at once (one error object per field), before anything happens.
 */
import type {Money, SquareError} from '../core/types.js';
import {
  invalidRequest,
  missing,
  requestError,
  tooLong,
  tooShort,
} from './errors.js';

type Body = Record<string, unknown>;

export function asObject(value: unknown): Body {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest(
      requestError(
        'EXPECTED_JSON_BODY',
        'The request body is not a JSON object.'
      )
    );
  }
  return value as Body;
}

export class BodyChecker {
  readonly errors: SquareError[] = [];

  constructor(readonly body: Body) {}

  string(
    field: string,
    rules: {required?: boolean; min?: number; max?: number} = {},
    from: Body = this.body,
    name = field
  ): string | undefined {
    const value = from[field];
    if (value === undefined || value === null) {
      if (rules.required) this.errors.push(missing(name));
      return undefined;
    }
    if (typeof value !== 'string') {
      this.errors.push(
        requestError('EXPECTED_STRING', 'Expected a string value.', name)
      );
      return undefined;
    }
    if (rules.min !== undefined && value.length < rules.min) {
      this.errors.push(
        rules.min === 1 && rules.required
          ? missing(name)
          : tooShort(name, rules.min)
      );
      return undefined;
    }
    if (rules.max !== undefined && value.length > rules.max) {
      this.errors.push(tooLong(name, rules.max));
      return undefined;
    }
    return value;
  }

  boolean(field: string): boolean | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') {
      this.errors.push(
        requestError('EXPECTED_BOOLEAN', 'Expected a boolean value.', field)
      );
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(field: string, values: readonly T[]): T | undefined {
    const value = this.string(field);
    if (value === undefined) return undefined;
    if (!values.includes(value as T)) {
      this.errors.push(
        requestError(
          'INVALID_ENUM_VALUE',
          `\`${value}\` is not a valid enum value for \`${field}\`.`,
          field
        )
      );
      return undefined;
    }
    return value as T;
  }

  object(field: string): Body | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.errors.push(
        requestError('EXPECTED_OBJECT', 'Expected an object value.', field)
      );
      return undefined;
    }
    return value as Body;
  }

  /**
   * A `Money`: `amount` must be a JSON integer (a string or a float is EXPECTED_INTEGER, which
   * is also what an SDK sends when something installs `BigInt.prototype.toJSON`).
   */
  money(field: string, required = false): Money | undefined {
    if (this.body[field] === undefined || this.body[field] === null) {
      if (required) this.errors.push(missing(field));
      return undefined;
    }
    const money = this.object(field);
    if (!money) return undefined;
    const before = this.errors.length;
    const amount = money.amount;
    if (amount === undefined || amount === null) {
      this.errors.push(missing(`${field}.amount`));
    } else if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
      this.errors.push(
        requestError(
          'EXPECTED_INTEGER',
          'Expected an integer value.',
          `${field}.amount`
        )
      );
    }
    const currency = this.string(
      'currency',
      {required: true},
      money,
      `${field}.currency`
    );
    if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) {
      this.errors.push(
        requestError(
          'INVALID_ENUM_VALUE',
          `\`${currency}\` is not a valid enum value for \`${field}.currency\`.`,
          `${field}.currency`
        )
      );
    }
    if (this.errors.length > before) return undefined;
    return {amount: amount as number, currency: currency!};
  }

  /** Throws every problem found so far, if any. */
  done(): void {
    if (this.errors.length > 0) throw invalidRequest(...this.errors);
  }
}
