/**
 * The embedded store's own thread (src/store/pgliteWorker.ts starts it): PGlite runs PostgreSQL in
 * WebAssembly, and every statement's parse, plan and execute is CPU time. Here it no longer holds up
 * the bot's event loop (HTTP, understanding, the conversation machine), and on a machine with two or
 * more cores both run at once.
 *
 * Kept to erasable TypeScript and one import so Node runs it as it is (type stripping) as well as
 * compiled. Protocol: { id, op, ... } in, { id, ok, ... } or { id, error } out; see pgliteWorker.ts.
 */
import { readFileSync } from 'node:fs';
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
  const { dataDir, template } = workerData as { dataDir: string; template?: string };
  let pglite: PGlite;
  try {
    // A new store starts from the template (an initialised cluster) instead of running initdb.
    pglite = await PGlite.create({ dataDir, ...(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}) });
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

  /**
   * Group commit. PGlite runs one statement at a time, and each statement on its own is a
   * transaction whose commit costs more than a small write itself (measured: 0.75 ms a statement
   * alone, 0.27 ms inside a transaction). Statements that arrive while one runs (concurrent turns)
   * wait, then run together in one transaction, each inside its own savepoint so that one failing
   * (a redelivered activity's unique violation) undoes only itself; every caller gets its answer
   * after the commit, as it would alone. Only single parameterised statements are grouped: a
   * statement without parameters may be several statements, transaction control or VACUUM.
   */
  const waiting: Extract<Request, { op: 'query' }>[] = [];
  let draining = false;
  const reply = (id: number, outcome: { ok: unknown } | { error: unknown }) =>
    port.postMessage('ok' in outcome ? { id, ok: outcome.ok } : { id, error: serialise(outcome.error) });

  async function runGroup(group: Extract<Request, { op: 'query' }>[]): Promise<void> {
    if (group.length === 1) {
      const [only] = group;
      await pglite.query(only!.text, only!.params).then(
        (result) => reply(only!.id, { ok: { rows: result.rows } }),
        (error: unknown) => reply(only!.id, { error }),
      );
      return;
    }
    const outcomes: ({ ok: unknown } | { error: unknown })[] = [];
    try {
      await pglite.transaction(async (tx) => {
        for (const request of group) {
          await tx.query('savepoint grouped');
          try {
            const result = await tx.query(request.text, request.params);
            await tx.query('release savepoint grouped');
            outcomes.push({ ok: { rows: result.rows } });
          } catch (error) {
            await tx.query('rollback to savepoint grouped');
            outcomes.push({ error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: nothing of the group was written.
      for (const request of group) reply(request.id, { error });
      return;
    }
    group.forEach((request, index) => reply(request.id, outcomes[index]!));
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (waiting.length > 0) await runGroup(waiting.splice(0, 64));
    } finally {
      draining = false;
    }
  }

  port.on('message', (request: Request) => {
    if (request.op === 'query' && request.tx === undefined && request.params.length > 0) {
      waiting.push(request);
      if (!draining) void drain();
      return;
    }
    handle(request).then(
      (result) => reply(request.id, { ok: result }),
      (error: unknown) => reply(request.id, { error }),
    );
  });
  port.postMessage({ id: 0, ok: { ready: true } });
}

await main();
