import type { Sql } from '../store/database.ts';
import { openText, sealText } from '../privacy/freeText.ts';

/**
 * A key this service makes once and keeps in the database, so every instance and every restart
 * uses the same one: the first instance to start writes it, the others read what it wrote.
 * Sealed with the free-text cipher when DATA_ENCRYPTION_KEY is set.
 */
export async function channelSecret(sql: Sql, name: string, make: () => string, now: Date = new Date()): Promise<string> {
  await sql.query('insert into channel_secrets (name, value, created_at) values ($1, $2, $3) on conflict (name) do nothing', [name, sealText(sql, make()), now.toISOString()]);
  const rows = await sql.query<{ value: string }>('select value from channel_secrets where name = $1', [name]);
  const value = rows[0]?.value;
  if (value === undefined) throw new Error(`channel secret ${name} could not be stored`);
  return openText(sql, value);
}
