import type { Database, Sql } from '../store/database.ts';
import { jobTableWhere, personalTables } from './registry.ts';

const IDENT = /^[a-z_][a-z0-9_]*$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return name;
}

/** The tables of the store's schema, from the catalogue. */
export async function storeTables(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ table_name: string }>(
    `select table_name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((row) => row.table_name);
}

/** The job queue's schema (pg-boss, src/schedule/runner.ts), if it exists next to the store. */
export async function jobSchema(sql: Sql): Promise<string | undefined> {
  const rows = await sql.query<{ schema: string }>('select current_schema() as schema');
  const current = rows[0]?.schema ?? 'public';
  const candidate = current === 'public' ? 'pgboss' : `${current}_pgboss`;
  const found = await sql.query<{ n: number }>(
    `select count(*)::int as n from information_schema.tables where table_schema = $1 and table_name = 'job'`,
    [candidate],
  );
  return Number(found[0]?.n) > 0 ? ident(candidate) : undefined;
}

/**
 * The person behind a conversation: that conversation, plus any other conversation of the same
 * user on the same channel (a user id is only meaningful within its channel).
 */
export async function conversationsOfPerson(sql: Sql, conversationId: string): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `select c.id from conversations c, conversations me
     where me.id = $1 and me.user_id is not null and c.user_id = me.user_id and c.channel_id is not distinct from me.channel_id`,
    [conversationId],
  );
  return [...new Set([conversationId, ...rows.map((row) => row.id)])];
}

export interface ErasureResult {
  conversations: number;
  rowsDeleted: number;
  tablesTouched: number;
}

/** Deletes the given conversations' rows from every personal table and the job queue; no audit row. */
export async function deleteRows(tx: Sql, ids: string[]): Promise<{ rowsDeleted: number; tablesTouched: number }> {
  const present = new Set(await storeTables(tx));
  let rowsDeleted = 0;
  let tablesTouched = 0;
  for (const entry of personalTables) {
    if (!present.has(entry.table)) continue;
    const rows = entry.anonymise
      ? await tx.query(`update ${ident(entry.table)} set ${entry.anonymise} where ${entry.where} returning 1`, [ids])
      : await tx.query(`delete from ${ident(entry.table)} where ${entry.where} returning 1`, [ids]);
    rowsDeleted += rows.length;
    if (rows.length) tablesTouched += 1;
  }
  const jobs = await jobSchema(tx);
  if (jobs) {
    const rows = await tx.query(`delete from ${jobs}.job where ${jobTableWhere} returning 1`, [ids]);
    rowsDeleted += rows.length;
    if (rows.length) tablesTouched += 1;
  }
  return { rowsDeleted, tablesTouched };
}

/**
 * Erases a person from every table in one transaction, leaving only an anonymous record that an
 * erasure happened (when, why, how many rows): no id, no hash, nothing that points back to them.
 */
export async function erasePerson(db: Database, conversationId: string, options: { reason: 'request' | 'retention'; at: Date }): Promise<ErasureResult> {
  return db.transaction(async (tx) => {
    // On request, everything of the person; by retention, only the conversation that went quiet.
    const ids = options.reason === 'request' ? await conversationsOfPerson(tx, conversationId) : [conversationId];
    const { rowsDeleted, tablesTouched } = await deleteRows(tx, ids);
    // A retention run racing another instance finds nothing left: no second audit row for it.
    if (rowsDeleted === 0 && options.reason === 'retention') return { conversations: 0, rowsDeleted, tablesTouched };
    await tx.query('insert into privacy_erasures (reason, rows_deleted, tables_touched, at) values ($1, $2, $3, $4)', [options.reason, rowsDeleted, tablesTouched, options.at.toISOString()]);
    return { conversations: ids.length, rowsDeleted, tablesTouched };
  });
}
