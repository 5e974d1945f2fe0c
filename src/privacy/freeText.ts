import { identityCipher } from './crypto.ts';

/**
 * The one place the store asks to seal and open free text, with the cipher the database was
 * opened with (`openDatabase({ cipher })`, made from the configuration by src/store/configured.ts
 * for the bot and its scripts alike; every transaction of that database carries it). Without a key it changes nothing. Fields holding the person's own
 * words: message text, the words a warning sign matched, what they said when asking for a clinician,
 * the activities they named for the Patient-Specific Functional Scale.
 */
export const FREE_TEXT_FIELDS = ['text', 'matched', 'words', 'activity'] as const;

interface FieldCipher {
  encrypt(text: string): string;
  decrypt(text: string): string;
}

/** What carries the cipher: the database, or a transaction of it (`Sql.cipher`, src/store/database.ts). */
interface CipherHolder {
  readonly cipher?: FieldCipher;
}

const cipherOf = (sql: CipherHolder): FieldCipher => sql.cipher ?? identityCipher;

export function sealText(sql: CipherHolder, value: string): string {
  return cipherOf(sql).encrypt(value);
}

export function openText(sql: CipherHolder, value: string): string {
  return cipherOf(sql).decrypt(value);
}

/** A copy of an event's data with its free-text fields encrypted. */
export function sealFreeText(sql: CipherHolder, data: Record<string, unknown>): Record<string, unknown> {
  const cipher = cipherOf(sql);
  if (cipher === identityCipher) return data;
  const copy = { ...data };
  for (const field of FREE_TEXT_FIELDS) if (typeof copy[field] === 'string' && copy[field] !== '') copy[field] = cipher.encrypt(copy[field]);
  return copy;
}

/** Decrypts every sealed string found in a value (rows, event data, snapshots), leaving the rest. */
export function openFreeText<T>(sql: CipherHolder, value: T): T {
  const cipher = cipherOf(sql);
  const open = <V>(inner: V): V => {
    if (typeof inner === 'string') return (inner.startsWith('enc:v1:') ? cipher.decrypt(inner) : inner) as V;
    if (Array.isArray(inner)) return inner.map(open) as V;
    if (inner && typeof inner === 'object' && !(inner instanceof Date)) {
      return Object.fromEntries(Object.entries(inner).map(([key, field]) => [key, open(field)])) as V;
    }
    return inner;
  };
  return open(value);
}
