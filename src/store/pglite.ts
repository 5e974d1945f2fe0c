import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from './database.ts';
import { lockDataDir, type DataDirLock } from './dataDirLock.ts';
import { startPgliteThread, type PgliteOnThread } from './pgliteWorker.ts';

interface Embedded {
  lock: DataDirLock;
  thread: PgliteOnThread;
}

async function startEmbedded(dataDir: string): Promise<Embedded> {
  mkdirSync(dataDir, { recursive: true });
  // Before PGlite touches a file: a second process on the same DATA_DIR stops here (DataDirLocked).
  const lock = lockDataDir(dataDir);
  try {
    return { lock, thread: await startPgliteThread(`${dataDir.replace(/\/$/, '')}/pglite`) };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Stores already opening, by folder (see prewarmPglite). */
const opening = new Map<string, Promise<Embedded>>();

/**
 * Starts opening the embedded store now, on its own thread, so that it opens while the rest of the
 * program loads (src/main.ts); openPglite then takes it over. Only the lock is taken and the
 * cluster opened: no migration runs before config and content are valid. closePrewarmed() closes it
 * again when the start stops before that.
 */
export function prewarmPglite(dataDir: string): void {
  const key = resolve(dataDir);
  if (opening.has(key)) return;
  const started = startEmbedded(dataDir);
  started.catch(() => {}); // reported by openPglite, which awaits the same promise
  opening.set(key, started);
}

/** Closes a store prewarmPglite opened that nothing took over (a start that stopped early). */
export async function closePrewarmed(): Promise<void> {
  const pending = [...opening.values()];
  opening.clear();
  for (const started of pending) {
    const embedded = await started.catch(() => undefined);
    if (!embedded) continue;
    await embedded.thread.close().catch(() => {});
    embedded.lock.release();
  }
}

/**
 * The embedded default: PostgreSQL compiled to WASM, its files under DATA_DIR. No service to install.
 * It runs on its own thread (src/store/pgliteWorker.ts) and belongs to this process alone
 * (src/store/dataDirLock.ts).
 */
export async function openPglite(dataDir: string): Promise<Database> {
  const key = resolve(dataDir);
  const prewarmed = opening.get(key);
  opening.delete(key);
  const { lock: dataDirLock, thread } = await (prewarmed ?? startEmbedded(dataDir));
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
