import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Sql } from './database.ts';

/** The embedded default: PostgreSQL compiled to WASM, its files under DATA_DIR. No service to install. */
export async function openPglite(dataDir: string): Promise<Database & { pglite: PGlite }> {
  mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir: `${dataDir.replace(/\/$/, '')}/pglite` });
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
    close: () => pglite.close(),
  };
}
