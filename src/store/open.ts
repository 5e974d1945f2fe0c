import type { Database, FieldCipher, Sql } from './database.ts';
import { schema } from '../schema.ts';
import { migrate } from './migrations.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import { SnapshotCache } from './snapshotCache.ts';

/** PostgreSQL when DATABASE_URL is set, else the embedded store under DATA_DIR; migrated to the schema (src/schema.ts) and ready. */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string; /** Seals stored free text (DATA_ENCRYPTION_KEY); without it, text is stored as written. */ cipher?: FieldCipher }): Promise<Database> {
  const db = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  await migrate(db, schema);
  return Object.assign(db, { snapshots: new SnapshotCache() }, options.cipher ? withCipher(db, options.cipher) : {});
}

/** Every statement of this database, inside a transaction too, seals and opens free text with `cipher`. */
function withCipher(db: Database, cipher: FieldCipher): Pick<Database, 'cipher' | 'transaction'> {
  const transaction = db.transaction.bind(db);
  return {
    cipher,
    transaction: (fn) => transaction((tx) => fn({ query: (text, params) => tx.query(text, params), cipher } satisfies Sql)),
  };
}
