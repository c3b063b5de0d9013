import pino from 'pino';

export type Logger = pino.Logger;

/**
 * JSON lines on stdout. Secrets never reach a log line: they are not logged, and the fields
 * that could carry one are redacted anyway.
 */
export function createLogger(level = 'info'): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'secretKey',
        'webhookSecret',
        'authorization',
        '*.authorization',
        'headers.authorization',
        'token',
      ],
      censor: '[redacted]',
    },
  });
}

export const silentLogger: Logger = pino({level: 'silent'});
