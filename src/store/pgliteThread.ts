/**
 * The embedded store's own thread (src/store/pgliteWorker.ts starts it): PGlite runs PostgreSQL in
 * WebAssembly, and every statement's parse, plan and execute is CPU time. Here it no longer holds up
 * the bot's event loop (HTTP, understanding, the conversation machine), and on a machine with two or
 * more cores both run at once.
 *
 * Kept to erasable TypeScript and one import so Node runs it as it is (type stripping) as well as
 * compiled. Protocol: { id, op, ... } in, { id, ok, ... } or { id, error } out; see pgliteWorker.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';

type Request =
  | { id: number; op: 'query'; text: string; params: unknown[]; tx?: number }
  | { id: number; op: 'exec'; text: string; tx?: number }
  | { id: number; op: 'begin'; tx: number }
  | { id: number; op: 'commit'; tx: number }
  | { id: number; op: 'rollback'; tx: number }
  | { id: number; op: 'listen'; channel: string }
  | { id: number; op: 'unlisten'; channel: string }
  | { id: number; op: 'close' };

interface OpenTransaction {
  tx: Transaction;
  end: (commit: boolean) => void;
  finished: Promise<void>;
}

const port = parentPort!;
const ROLLBACK = Symbol('rollback');

/** The fields a PostgreSQL error carries, so the caller sees the same code and constraint as in-thread. */
function serialise(error: unknown) {
  const e = error as Record<string, unknown>;
  return {
    message: String(e?.message ?? error),
    name: typeof e?.name === 'string' ? e.name : 'Error',
    code: e?.code,
    constraint: e?.constraint,
    detail: e?.detail,
    severity: e?.severity,
    table: e?.table,
    column: e?.column,
    schema: e?.schema,
  };
}

async function main() {
  const { dataDir } = workerData as { dataDir: string };
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir });
  } catch (error) {
    port.postMessage({ id: 0, error: serialise(error) });
    return;
  }
  const open = new Map<number, OpenTransaction>();
  const listening = new Map<string, () => Promise<void>>();

  const target = (tx: number | undefined) => {
    if (tx === undefined) return pglite;
    const found = open.get(tx);
    if (!found) throw new Error(`transaction ${tx} is not open`);
    return found.tx;
  };

  async function handle(request: Request): Promise<unknown> {
    switch (request.op) {
      case 'query':
        return { rows: (await target(request.tx).query(request.text, request.params)).rows };
      case 'exec':
        return { results: (await target(request.tx).exec(request.text)).map((result) => ({ rows: result.rows })) };
      case 'begin': {
        let end!: (commit: boolean) => void;
        const started = new Promise<Transaction>((resolveStarted, rejectStarted) => {
          const finished = pglite
            .transaction(async (tx) => {
              resolveStarted(tx);
              const commit = await new Promise<boolean>((resolveEnd) => (end = resolveEnd));
              if (!commit) throw ROLLBACK;
            })
            .catch((error: unknown) => {
              if (error !== ROLLBACK) throw error;
            });
          finished.catch(rejectStarted);
          open.set(request.tx, { tx: undefined as unknown as Transaction, end: (commit) => end(commit), finished });
        });
        try {
          open.get(request.tx)!.tx = await started;
        } catch (error) {
          open.delete(request.tx);
          throw error;
        }
        return {};
      }
      case 'commit':
      case 'rollback': {
        const found = open.get(request.tx);
        if (!found) throw new Error(`transaction ${request.tx} is not open`);
        open.delete(request.tx);
        found.end(request.op === 'commit');
        await found.finished;
        return {};
      }
      case 'listen': {
        if (!listening.has(request.channel)) {
          listening.set(request.channel, await pglite.listen(request.channel, (payload) => port.postMessage({ notify: request.channel, payload })));
        }
        return {};
      }
      case 'unlisten': {
        const unlisten = listening.get(request.channel);
        listening.delete(request.channel);
        await unlisten?.();
        return {};
      }
      case 'close':
        await pglite.close();
        return {};
    }
  }

  port.on('message', (request: Request) => {
    handle(request).then(
      (result) => port.postMessage({ id: request.id, ok: result }),
      (error: unknown) => port.postMessage({ id: request.id, error: serialise(error) }),
    );
  });
  port.postMessage({ id: 0, ok: { ready: true } });
}

await main();
