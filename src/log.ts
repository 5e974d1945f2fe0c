import pino from 'pino';

export type Logger = pino.Logger;

/** Structured logs with the person's words and answers redacted: they are health data. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ['text', '*.text', 'activity.text', 'activity.value', 'answer', '*.answer', 'summary', '*.summary', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  });
}
