import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Fields that can hold what a person wrote, their name or their answers: health data. Redacted at
 * the top level and one level down (pino's `*.` wildcard); tests/privacy/log.test.ts checks them.
 */
export const REDACTED_PATHS = [
  'text', '*.text', 'activity.text', 'activity.value', 'value', '*.value',
  'answer', '*.answer', 'answers', '*.answers', 'summary', '*.summary',
  'matched', '*.matched', 'words', '*.words', 'transcript', '*.transcript',
  'profile', '*.profile', 'payload', '*.payload', 'data', '*.data',
  'from.name', '*.from.name', 'activity.from.name', 'recipient.name', '*.recipient.name', 'userName', '*.userName',
  // A PostgreSQL error's detail can quote the failing row.
  'err.detail', '*.detail', 'err.where',
  'req.headers.authorization', 'req.headers.cookie', 'headers.authorization', '*.headers.authorization',
];

/** Structured logs with the person's words and answers redacted: they are health data. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
