import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Sql } from './database.ts';
import { lockDataDir } from './dataDirLock.ts';

/** The embedded default: PostgreSQL compiled to WASM, its files under DATA_DIR. No service to install. */
export async function openPglite(dataDir: string): Promise<Database & { pglite: PGlite }> {
  mkdirSync(dataDir, { recursive: true });
  // Before PGlite touches a file: a second process on the same DATA_DIR stops here (DataDirLocked).
  const dataDirLock = lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir: `${dataDir.replace(/\/$/, '')}/pglite` });
  } catch (error) {
    dataDirLock.release();
    throw error;
  }
  const sql: Sql = {
    async query<Row>(text: string, params: unknown[] = []) {
      const result = await pglite.query<Row>(text, params);
      return result.rows;
    },
  };
  return {
    engine: 'pglite',
    pglite,
    query: sql.query,
    transaction: (fn) =>
      pglite.transaction((tx) =>
        fn({
          async query<Row>(text: string, params: unknown[] = []) {
            return (await tx.query<Row>(text, params)).rows;
          },
        }),
      ),
    dataDirLock,
    close: async () => {
      try {
        await pglite.close();
      } finally {
        dataDirLock.release();
      }
    },
  };
}
