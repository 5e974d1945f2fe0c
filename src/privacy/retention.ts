import type { Jobs } from '../jobs/index.ts';
import { startPeriodic } from '../jobs/periodic.ts';
import type { Logger } from '../log.ts';
import type { Database } from '../store/database.ts';
import { erasePerson } from './erasure.ts';

export interface RetentionResult {
  erased: number;
}

/**
 * Erases everyone whose last contact (the latest event in their log, or the last change of their
 * conversation if the log is empty) is more than `days` ago, each like a requested erasure.
 * Expired export links and confirmations are removed too.
 */
export async function enforceRetention(db: Database, options: { days: number; now: Date; batch?: number }): Promise<RetentionResult> {
  const cutoff = new Date(options.now.getTime() - options.days * 86_400_000).toISOString();
  await db.query('delete from privacy_export_tokens where expires_at <= $1', [options.now.toISOString()]);
  await db.query('delete from privacy_pending where expires_at <= $1', [options.now.toISOString()]);
  const stale = await db.query<{ id: string }>(
    `select c.id from conversations c
     where coalesce((select max(e.at) from clinical_events e where e.conversation_id = c.id), c.updated_at) < $1
     order by c.id limit $2`,
    [cutoff, options.batch ?? 500],
  );
  let erased = 0;
  for (const row of stale) {
    await erasePerson(db, row.id, { reason: 'retention', at: options.now });
    erased += 1;
  }
  // Events of a conversation row that is already gone (e.g. written around an erasure) age out too.
  const orphans = await db.query<{ conversation_id: string }>(
    `select conversation_id from clinical_events e
     where not exists (select 1 from conversations c where c.id = e.conversation_id)
     group by conversation_id having max(at) < $1 limit $2`,
    [cutoff, options.batch ?? 500],
  );
  for (const row of orphans) {
    await erasePerson(db, row.conversation_id, { reason: 'retention', at: options.now });
    erased += 1;
  }
  return { erased };
}

export const RETENTION_QUEUE = 'retention';

/**
 * The scheduled job: a pass a second after start and then every `intervalMs`, on the job queue
 * (one pass at a time across instances); one run at a time in this process. Erasure is its own
 * claim: a person already erased is not found again.
 */
export async function startRetentionJob(options: { db: Database; jobs: Jobs; days: number; intervalMs: number; log: Logger; now?: () => Date }) {
  const now = options.now ?? (() => new Date());
  let running: Promise<RetentionResult | undefined> | undefined;
  function runOnce(): Promise<RetentionResult | undefined> {
    running ??= enforceRetention(options.db, { days: options.days, now: now() })
      .then((result) => {
        if (result.erased) options.log.info(result, 'retention: inactive people erased');
        return result;
      })
      .catch((error) => {
        options.log.warn({ err: error }, 'retention run failed; will retry');
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }
  await startPeriodic(options.jobs, { queue: RETENTION_QUEUE, everySeconds: options.intervalMs / 1000, firstAfterSeconds: 1, run: runOnce }, options.log);
  return {
    runOnce,
    async stop() {
      await running;
    },
  };
}
