import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../../src/store/database.ts';
import { openDatabase } from '../../src/store/open.ts';

/** The PostgreSQL this machine runs (CI runs on the same machine). */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, empty schema per test, so test files can run side by side on one PostgreSQL. */
export async function freshPostgresUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const separator = POSTGRES_URL.includes('?') ? '&' : '?';
  return {
    url: `${POSTGRES_URL}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      // pg-boss (daily check-ins) keeps its jobs beside the store's schema.
      await client.query(`drop schema if exists ${schema}_pgboss cascade`);
      await client.end();
    },
  };
}

export function freshDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'disc-coach-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestEngine {
  name: 'pglite' | 'postgres';
  /** Opens a migrated store on fresh storage; `dispose` closes it and removes the storage. */
  open(): Promise<{ db: Database; dispose: () => Promise<void>; databaseUrl?: string; dataDir?: string }>;
}

export const engines: TestEngine[] = [
  {
    name: 'pglite',
    async open() {
      const data = freshDataDir();
      const db = await openDatabase({ dataDir: data.dir });
      return { db, dataDir: data.dir, dispose: async () => { await db.close(); data.remove(); } };
    },
  },
  {
    name: 'postgres',
    async open() {
      const fresh = await freshPostgresUrl();
      const db = await openDatabase({ databaseUrl: fresh.url, dataDir: '' });
      return { db, databaseUrl: fresh.url, dispose: async () => { await db.close(); await fresh.drop(); } };
    },
  },
];
