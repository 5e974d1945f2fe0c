import { StoreUnavailableError, type Database, type Sql } from './database.ts';

/**
 * The same database, with every failed statement reported (for GET /metrics): `unavailable` when the
 * store could not be reached, `statement` when it rejected the statement. A duplicate activity (the
 * unique index that makes redeliveries harmless) is an answer, not an error, and is not counted.
 */
export function observeStoreErrors(db: Database, onError: (kind: 'unavailable' | 'statement') => void): Database {
  // A statement failing inside a transaction also fails the transaction: counted once.
  const counted = new WeakSet<object>();
  const report = (error: unknown): never => {
    if (typeof error === 'object' && error !== null) {
      if (counted.has(error)) throw error;
      counted.add(error);
    }
    const code = (error as { code?: string })?.code;
    if (error instanceof StoreUnavailableError) onError('unavailable');
    else if (code !== '23505') onError('statement');
    throw error;
  };
  const observe = (sql: Sql): Sql => ({
    query: <Row>(text: string, params?: unknown[]) => sql.query<Row>(text, params).catch(report),
    ...(sql.cipher ? { cipher: sql.cipher } : {}),
  });
  const observed = Object.create(db) as Database & { query: Sql['query']; transaction: Database['transaction'] };
  observed.query = observe(db).query;
  observed.transaction = <T>(fn: (tx: Sql) => Promise<T>) => db.transaction((tx) => fn(observe(tx))).catch(report);
  return observed;
}
