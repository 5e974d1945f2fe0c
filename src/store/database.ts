/** How stored free text is sealed (src/privacy/crypto.ts); the database carries the one it was opened with. */
export interface FieldCipher {
  encrypt(text: string): string;
  decrypt(text: string): string;
}

/** The one small interface both engines offer; every SQL module is written against it. */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** The free-text cipher (src/privacy/freeText.ts); absent: stored as written. */
  readonly cipher?: FieldCipher;
}

export interface Database extends Sql {
  readonly engine: 'pglite' | 'postgres';
  /**
   * The embedded engine, for pg-boss's `fromPglite` (query, exec, listen); absent on PostgreSQL.
   * PGlite itself runs on its own thread (src/store/pgliteWorker.ts), so this is its proxy.
   */
  readonly pglite?: import('./pgliteWorker.ts').EmbeddedEngine;
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
