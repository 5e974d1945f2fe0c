import pg from 'pg';
import { StoreUnavailableError, type Database } from './database.ts';

// Connection-level failures, as opposed to a statement that PostgreSQL rejected.
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

function translate(error: unknown): never {
  const code = (error as { code?: string })?.code;
  const message = (error as Error)?.message ?? '';
  if ((code && UNAVAILABLE.has(code)) || /Connection terminated|connect ECONNREFUSED|timeout exceeded/i.test(message)) {
    throw new StoreUnavailableError(error);
  }
  throw error;
}

/**
 * Named prepared statements: PostgreSQL parses and plans a statement once per connection instead of
 * on every call (the turn's write is a large CTE), and the client sends only Bind/Execute after the
 * first time. The application's statements are a fixed set; the few built per call (a list of n
 * values) stop being named after MAX_NAMED distinct texts, so the server's memory stays bounded.
 * Statements without parameters go as simple queries (they may hold several statements).
 */
const MAX_NAMED = 256;

function statementNamer() {
  const names = new Map<string, string>();
  return (text: string, values: unknown[]): pg.QueryConfig => {
    if (values.length === 0) return { text, values };
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED) {
      name = `dc${names.size}`;
      names.set(text, name);
    }
    return name === undefined ? { text, values } : { name, text, values };
  };
}

/** The scale-out store: a pool against DATABASE_URL; several bot instances may share it. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database & { pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => {});
    translate(error);
  }
  const named = statementNamer();
  return {
    engine: 'postgres',
    pool,
    async query<Row>(text: string, params: unknown[] = []) {
      try {
        return (await pool.query(named(text, params))).rows as Row[];
      } catch (error) {
        translate(error);
      }
    },
    async transaction(fn) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        translate(error);
      }
      try {
        await client.query('begin');
        const result = await fn({ query: async <Row>(text: string, params: unknown[] = []) => (await client.query(named(text, params))).rows as Row[] });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        translate(error);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
