/**
 * pg-boss on the project's database carries the check-in work: a cron job ticks every minute (one
 * tick per minute across all instances), and one job per send. PGlite in-process by default
 * (`fromPglite`), PostgreSQL when DATABASE_URL is set. The job queue is the transport; the
 * exactly-once rules are in src/schedule/checkins.ts and its tables.
 */
import type { Job, PgBoss } from 'pg-boss';
import { startJobs, type Jobs } from '../jobs/index.ts';
import type { Logger } from '../log.ts';
import type { Database } from '../store/database.ts';
import { ChurnVacuum } from '../store/maintenance.ts';
import type { Checkins, SendJob, TickResult } from './checkins.ts';
import { unfinishedSends, type SendKey } from './store.ts';

export const TICK_QUEUE = 'checkin-tick';
export const SEND_QUEUE = 'checkin-send';

export interface RunnerOptions {
  db: Database;
  checkins: Checkins;
  log: Logger;
  /** PostgreSQL URL; absent = the PGlite instance behind `db`. */
  databaseUrl?: string;
  /** pg-boss schema; by default `pgboss`, or `<schema>_pgboss` when the store lives in a non-public schema. */
  schema?: string;
  /** The app's job queue (src/jobs); without it the runner starts one of its own and stops it with itself. */
  jobs?: Jobs;
  /** Cron of the tick; false = no cron (tests and the operator script tick by hand). */
  cron?: string | false;
  pollingIntervalSeconds?: number;
  /** Jobs fetched per worker fetch, and workers per instance. */
  batchSize?: number;
  concurrency?: number;
  /** Whether this instance sends (false: only enqueues, e.g. the operator script). */
  work?: boolean;
  /** Embedded engine only: sends finished between two vacuums of the queue and send tables. */
  vacuumEverySends?: number;
}

export interface CheckinRunner {
  boss: PgBoss;
  schema: string;
  /** Runs one tick now and queues its jobs (what the cron job does). */
  tick(): Promise<TickResult>;
  enqueue(jobs: SendJob[]): Promise<void>;
  /** Resolves when no send is queued or in flight (tests, benchmark). */
  idle(timeoutMs?: number): Promise<void>;
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}

/** An enqueue this large refreshes the queue's statistics at once (embedded engine). */
const BULK_ENQUEUE = 100;

const keyOf = (job: SendKey) => `${job.conversationId}|${job.localDay}|${job.kind}`;

/** The table pg-boss keeps a queue's jobs in (a queue may have its own partition). */
async function jobTableOf(boss: PgBoss, schema: string, queue: string): Promise<string> {
  const found = await boss.getQueue(queue);
  return `${schema}.${found?.table ?? 'job'}`;
}

export async function startCheckinRunner(options: RunnerOptions): Promise<CheckinRunner> {
  const { db, checkins, log } = options;
  const owned = options.jobs ? undefined : await startJobs({ db, log, databaseUrl: options.databaseUrl, ...(options.schema ? { schema: options.schema } : {}) });
  const { boss, schema } = (options.jobs ?? owned)!;
  await boss.createQueue(TICK_QUEUE, { policy: 'stately', retryLimit: 0, expireInSeconds: 300 }).catch(() => {});
  // stately: one job per send waiting and one running, so a retry can be queued while its job finishes.
  await boss.createQueue(SEND_QUEUE, { policy: 'stately', retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 600 }).catch(() => {});
  const maintenance = new ChurnVacuum(db, { tables: options.databaseUrl ? [] : [await jobTableOf(boss, schema, SEND_QUEUE), 'checkin_sends'], everyRows: options.vacuumEverySends ?? 1000 }, log);

  async function enqueue(jobs: SendJob[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += 1000) {
      await boss.insert(
        SEND_QUEUE,
        jobs.slice(i, i + 1000).map((job) => ({
          data: { conversationId: job.conversationId, localDay: job.localDay, kind: job.kind },
          singletonKey: keyOf(job),
          startAfter: job.delaySeconds ? job.delaySeconds : undefined,
        })),
      );
    }
    // A day's check-ins arrive in one tick: the planner must see them before the first fetch.
    if (jobs.length >= BULK_ENQUEUE) await maintenance.analyze();
    else maintenance.note(jobs.length);
  }

  async function tick(): Promise<TickResult> {
    const result = await checkins.tick();
    await enqueue(result.jobs);
    if (result.jobs.length) log.info({ claimed: result.claimed, reminders: result.reminders, requeued: result.requeued }, 'check-ins queued');
    return result;
  }

  const polling = options.pollingIntervalSeconds ?? 1;
  if (options.work !== false) {
    if (options.cron !== false) {
      await boss.work(TICK_QUEUE, { pollingIntervalSeconds: Math.max(polling, 2) }, async () => {
        await tick();
      });
      await boss.schedule(TICK_QUEUE, options.cron ?? '* * * * *', null, { tz: 'UTC' });
    }
    await boss.work<SendKey>(
      SEND_QUEUE,
      { batchSize: options.batchSize ?? 50, localConcurrency: options.concurrency ?? 8, pollingIntervalSeconds: polling, burstWhenBatchFull: true },
      async (jobs: Job<SendKey>[]) => {
        await Promise.all(
          jobs.map(async (job) => {
            try {
              const result = await checkins.processSend(job.data);
              if (result.result === 'retry') await enqueue([{ ...job.data, tenantId: null, delaySeconds: result.delaySeconds }]);
            } catch (error) {
              // The send keeps its lease and the tick's sweep queues it again once the lease lapses.
              log.error({ err: error, conversationId: job.data.conversationId }, 'check-in send failed');
            }
          }),
        );
        maintenance.note(jobs.length);
      },
    );
  }

  return {
    boss,
    schema,
    tick,
    enqueue,
    async idle(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if ((await unfinishedSends(db)) === 0) return;
        if (Date.now() > deadline) throw new Error(`check-ins still pending after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop(stopOptions = {}) {
      await owned?.stop({ graceful: stopOptions.graceful ?? true, timeoutMs: stopOptions.timeoutMs ?? 10_000 });
      // A vacuum started by the last batch finishes before the caller closes the database.
      await maintenance.settled();
    },
  };
}
