import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encryption of stored free text (what the person wrote, what the bot answered) with AES-256-GCM.
 * A stored value looks like `enc:v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url parts), so a
 * reader knows which key to use and plain text written before encryption was switched on still
 * reads. Rotation: set the new key as DATA_ENCRYPTION_KEY and the old one as
 * DATA_ENCRYPTION_KEY_PREVIOUS; new text uses the new key, old text still decrypts.
 */

const PREFIX = 'enc:v1:';

export interface Key {
  id: string;
  secret: Buffer;
}

function decodeSecret(raw: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, 'hex');
  if (/^[A-Za-z0-9+/_-]+=*$/.test(raw)) {
    const bytes = Buffer.from(raw.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === 32) return bytes;
  }
  return undefined;
}

/** `<keyId>:<32 bytes as base64 or hex>` */
export function parseKey(spec: string): Key | undefined {
  const at = spec.indexOf(':');
  if (at < 1) return undefined;
  const id = spec.slice(0, at);
  const secret = decodeSecret(spec.slice(at + 1));
  if (!/^[A-Za-z0-9_-]{1,16}$/.test(id) || !secret) return undefined;
  return { id, secret };
}

export const isKeySpec = (spec: string) => parseKey(spec) !== undefined;

export interface TextCipher {
  encrypt(plain: string): string;
  /** Plain text (not prefixed) passes through; an unknown key id or a tampered value throws. */
  decrypt(stored: string): string;
  readonly keyId: string | undefined;
}

export const identityCipher: TextCipher = { encrypt: (plain) => plain, decrypt: (stored) => stored, keyId: undefined };

export class UnknownKeyError extends Error {}

export function createCipher(current: Key | undefined, previous: Key[] = []): TextCipher {
  const keys = new Map<string, Key>([...previous, ...(current ? [current] : [])].map((key) => [key.id, key]));
  return {
    keyId: current?.id,
    encrypt(plain) {
      if (!current) return plain;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.secret, iv);
      cipher.setAAD(Buffer.from(current.id));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${PREFIX}${current.id}:${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${body.toString('base64url')}`;
    },
    decrypt(stored) {
      if (!stored.startsWith(PREFIX)) return stored;
      const [id, iv, tag, body] = stored.slice(PREFIX.length).split(':');
      const key = id ? keys.get(id) : undefined;
      if (!key || iv === undefined || tag === undefined || body === undefined) throw new UnknownKeyError(`stored text uses key "${id}", which is not configured`);
      const decipher = createDecipheriv('aes-256-gcm', key.secret, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(key.id));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/** The cipher for DATA_ENCRYPTION_KEY (+ _PREVIOUS); the identity when no key is set. */
export function cipherFromConfig(config: { DATA_ENCRYPTION_KEY?: string; DATA_ENCRYPTION_KEY_PREVIOUS?: string }): TextCipher {
  if (!config.DATA_ENCRYPTION_KEY) return identityCipher;
  const current = parseKey(config.DATA_ENCRYPTION_KEY);
  const previous = config.DATA_ENCRYPTION_KEY_PREVIOUS ? parseKey(config.DATA_ENCRYPTION_KEY_PREVIOUS) : undefined;
  if (!current) throw new Error('DATA_ENCRYPTION_KEY: not a valid key');
  return createCipher(current, previous ? [previous] : []);
}
