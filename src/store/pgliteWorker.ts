/**
 * The embedded store with PGlite on its own thread (src/store/pgliteThread.ts). The bot's thread
 * only sends statements and receives rows; PostgreSQL's work (WebAssembly and file system calls,
 * measured at 45 % of all CPU under load when it ran on the bot's thread) happens beside it.
 *
 * Semantics are PGlite's own: one session, statements in the order sent, a transaction holds the
 * session until it commits or rolls back (other statements wait for it, as in-thread).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { StoreUnavailableError, type Sql } from './database.ts';
import { templatePath } from './pgliteTemplate.ts';

/** What pg-boss's `fromPglite` needs of an embedded engine (query, exec, listen). */
export interface EmbeddedEngine {
  query<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(query: string): Promise<{ rows: Record<string, unknown>[] }[]>;
  listen?(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

type Reply = { id: number; ok?: Record<string, unknown>; error?: Record<string, unknown> } | { notify: string; payload: string };

function revive(fields: Record<string, unknown>): Error {
  const error = new Error(String(fields.message));
  for (const [key, value] of Object.entries(fields)) if (key !== 'message' && value !== undefined) (error as unknown as Record<string, unknown>)[key] = value;
  return error;
}

// The thread's file beside this one: .ts when run from the sources (tsx, vitest), .js when compiled.
const THREAD = new URL(import.meta.url.endsWith('.ts') ? './pgliteThread.ts' : './pgliteThread.js', import.meta.url);

export interface PgliteOnThread {
  engine: EmbeddedEngine;
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function existingTemplate(): string | undefined {
  try {
    const path = templatePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export async function startPgliteThread(pgliteDir: string): Promise<PgliteOnThread> {
  const template = existsSync(join(pgliteDir, 'PG_VERSION')) ? undefined : existingTemplate();
  const worker = new Worker(THREAD, { workerData: { dataDir: pgliteDir, template } });
  const pending = new Map<number, { resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void }>();
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let nextId = 1;
  let nextTx = 1;
  let failed: Error | undefined;

  const ready = new Promise<void>((resolveReady, rejectReady) => pending.set(0, { resolve: () => resolveReady(), reject: rejectReady }));
  worker.on('message', (reply: Reply) => {
    if ('notify' in reply) {
      for (const listener of listeners.get(reply.notify) ?? []) listener(reply.payload);
      return;
    }
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.error) waiting.reject(revive(reply.error));
    else waiting.resolve(reply.ok ?? {});
  });
  const fail = (error: Error) => {
    failed = new StoreUnavailableError(error);
    for (const waiting of pending.values()) waiting.reject(failed);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the embedded store's thread stopped (exit code ${code})`)));

  const call = (request: Record<string, unknown>): Promise<Record<string, unknown>> => {
    if (failed) return Promise.reject(failed);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  };

  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }

  const query = async <Row>(text: string, params: unknown[] = [], tx?: number): Promise<Row[]> => (await call({ op: 'query', text, params, tx })).rows as Row[];

  const engine: EmbeddedEngine = {
    query: async <T>(text: string, params: unknown[] = []) => ({ rows: await query<T>(text, params) }),
    exec: async (text: string) => (await call({ op: 'exec', text })).results as { rows: Record<string, unknown>[] }[],
    async listen(channel, callback) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await call({ op: 'listen', channel });
      }
      set.add(callback);
      return async () => {
        set.delete(callback);
        if (set.size === 0 && listeners.get(channel) === set) {
          listeners.delete(channel);
          await call({ op: 'unlisten', channel }).catch(() => {});
        }
      };
    },
  };

  return {
    engine,
    query,
    async transaction(fn) {
      const tx = nextTx++;
      await call({ op: 'begin', tx });
      let result;
      try {
        result = await fn({ query: <Row>(text: string, params: unknown[] = []) => query<Row>(text, params, tx) });
      } catch (error) {
        await call({ op: 'rollback', tx }).catch(() => {});
        throw error;
      }
      await call({ op: 'commit', tx });
      return result;
    },
    async close() {
      if (!failed) await call({ op: 'close' }).catch(() => {});
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
