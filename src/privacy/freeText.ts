import { identityCipher, type TextCipher } from './crypto.ts';

/**
 * The one place the store asks to seal and open free text. Installed once at start-up from the
 * configuration (src/app.ts); without a key it changes nothing. Fields holding the person's own
 * words: message text, the words a warning sign matched, what they said when asking for a clinician,
 * the activities they named for the Patient-Specific Functional Scale.
 */
export const FREE_TEXT_FIELDS = ['text', 'matched', 'words', 'activity'] as const;

let cipher: TextCipher = identityCipher;

export function installTextCipher(next: TextCipher): void {
  cipher = next;
}

export function sealText(value: string): string {
  return cipher.encrypt(value);
}

export function openText(value: string): string {
  return cipher.decrypt(value);
}

/** A copy of an event's data with its free-text fields encrypted. */
export function sealFreeText(data: Record<string, unknown>): Record<string, unknown> {
  if (cipher === identityCipher) return data;
  const copy = { ...data };
  for (const field of FREE_TEXT_FIELDS) if (typeof copy[field] === 'string' && copy[field] !== '') copy[field] = cipher.encrypt(copy[field]);
  return copy;
}

/** Decrypts every sealed string found in a value (rows, event data, snapshots), leaving the rest. */
export function openFreeText<T>(value: T): T {
  if (typeof value === 'string') return (value.startsWith('enc:v1:') ? cipher.decrypt(value) : value) as T;
  if (Array.isArray(value)) return value.map(openFreeText) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, openFreeText(inner)])) as T;
  }
  return value;
}
