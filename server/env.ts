/**
 * The building blocks of the environment's schema (zod), shared by config.ts and each gateway's
 * own variables (providers/<name>/command-line.ts): an unset or empty variable is undefined.
 */
import {z} from 'zod';

export const optional = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

// A pasted secret with a trailing newline is the classic cause of "No signatures found"
// (honojs/examples#159): refuse it here rather than fail every webhook later.
export const secret = (prefixes: string[], what: string) =>
  optional
    .refine(
      (value) => value === undefined || !/\s/.test(value),
      'contains whitespace (a stray newline?)'
    )
    .refine(
      (value) =>
        value === undefined ||
        prefixes.some((prefix) => value.startsWith(prefix)),
      `must be ${what} (starting with ${prefixes.join(' or ')})`
    );

// Credentials with no prefix to check: the same stray newline breaks them.
export const token = (what: string) =>
  optional.refine(
    (value) => value === undefined || !/\s/.test(value),
    `contains whitespace (a stray newline?); expected ${what}`
  );

// 1/true/yes or 0/false/no, any case; unset leaves the mode's default.
export const flag = optional
  .transform((value) => value?.toLowerCase())
  .pipe(
    z
      .enum(['1', 'true', 'yes', '0', 'false', 'no'], {
        error: 'must be 1 or 0 (or true/false)',
      })
      .optional()
  )
  .transform((value) =>
    value === undefined ? undefined : ['1', 'true', 'yes'].includes(value)
  );
