import type { Database } from './database.ts';
import { migrate } from './migrations.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import { SnapshotCache } from './snapshotCache.ts';

/** PostgreSQL when DATABASE_URL is set, else the embedded store under DATA_DIR; migrated and ready. */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  const db = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  await migrate(db);
  return Object.assign(db, { snapshots: new SnapshotCache() });
}
