/** The one small interface both engines offer; every SQL module is written against it. */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database extends Sql {
  readonly engine: 'pglite' | 'postgres';
  /** The embedded engine's instance (pg-boss runs in-process on it with `fromPglite`); absent on PostgreSQL. */
  readonly pglite?: import('@electric-sql/pglite').PGlite;
  /** The embedded store's single-owner lock on DATA_DIR (src/store/dataDirLock.ts); absent on PostgreSQL. */
  readonly dataDirLock?: import('./dataDirLock.ts').DataDirLock;
  /** Snapshots this process wrote last (src/store/snapshotCache.ts); the turn reads them instead of the row. */
  readonly snapshots?: import('./snapshotCache.ts').SnapshotCache;
  /** Runs fn in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Raised when the database cannot be reached, so the shell can answer "try again" politely. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`database unavailable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'StoreUnavailableError';
  }
}
