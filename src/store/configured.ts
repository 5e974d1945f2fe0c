import type { Config } from '../config.ts';
import { cipherFromConfig } from '../privacy/crypto.ts';
import type { Database } from './database.ts';
import { openDatabase } from './open.ts';

/**
 * The store as the configuration names it, opened the one way the bot and every script open it:
 * PostgreSQL (DATABASE_URL) or the embedded store (DATA_DIR), with free text sealed and opened by
 * DATA_ENCRYPTION_KEY (+ _PREVIOUS). A script that opened it without the key would read ciphertext
 * and write plain text into an encrypted store.
 */
export function openConfiguredStore(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'DATA_ENCRYPTION_KEY' | 'DATA_ENCRYPTION_KEY_PREVIOUS'>): Promise<Database> {
  return openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, cipher: cipherFromConfig(config) });
}
