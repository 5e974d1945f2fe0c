import { mkdirSync } from 'node:fs';
import type { Database } from './database.ts';
import { lockDataDir } from './dataDirLock.ts';
import { startPgliteThread } from './pgliteWorker.ts';

/**
 * The embedded default: PostgreSQL compiled to WASM, its files under DATA_DIR. No service to install.
 * It runs on its own thread (src/store/pgliteWorker.ts) and belongs to this process alone
 * (src/store/dataDirLock.ts).
 */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  // Before PGlite touches a file: a second process on the same DATA_DIR stops here (DataDirLocked).
  const dataDirLock = lockDataDir(dataDir);
  let thread: Awaited<ReturnType<typeof startPgliteThread>>;
  try {
    thread = await startPgliteThread(`${dataDir.replace(/\/$/, '')}/pglite`);
  } catch (error) {
    dataDirLock.release();
    throw error;
  }
  return {
    engine: 'pglite',
    pglite: thread.engine,
    query: thread.query,
    transaction: thread.transaction,
    dataDirLock,
    close: async () => {
      try {
        await thread.close();
      } finally {
        dataDirLock.release();
      }
    },
  };
}
