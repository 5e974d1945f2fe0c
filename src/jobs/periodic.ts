/**
 * Work that runs again and again (deliver due handoffs, post the care team's notices, erase what
 * retention says): a pass is one pg-boss job, and each pass queues the next one `everySeconds`
 * later. The queue is `stately` (one pass waiting and one running at a time per key, across every
 * instance), a pass that dies with its process is taken up again by the minute's cron, and each
 * start queues one soon, so a restart loses none. What a pass does is claimed row by row in its own
 * tables; two passes at once (an immediate `wake()` beside the queued one) do no harm.
 */
import type { Logger } from '../log.ts';
import type { Jobs } from './index.ts';

export interface PeriodicWork {
  /** pg-boss queue name. */
  queue: string;
  everySeconds: number;
  /** Delay of the pass queued at start. */
  firstAfterSeconds?: number;
  /** A pass; its errors are logged and the next pass is queued all the same. */
  run(): Promise<unknown>;
}

const NEXT = 'next';
const START = 'start';

export async function startPeriodic(jobs: Jobs, work: PeriodicWork, log: Logger): Promise<void> {
  const { boss } = jobs;
  await boss.createQueue(work.queue, { policy: 'stately', retryLimit: 0, expireInSeconds: Math.max(300, work.everySeconds * 2) }).catch(() => {});
  const queue = (key: string, seconds: number) =>
    boss.send(work.queue, {}, { singletonKey: key, startAfter: seconds }).catch((error: unknown) => log.warn({ err: error, queue: work.queue }, 'next pass not queued'));
  const queueNext = (seconds: number) => queue(NEXT, seconds);
  // Polled every 2 s (1 s for shorter intervals): the pass after a start runs about when it was asked for.
  await boss.work(work.queue, { pollingIntervalSeconds: Math.max(1, Math.min(2, work.everySeconds / 2)) }, async () => {
    try {
      await work.run();
    } catch (error) {
      log.warn({ err: error, queue: work.queue }, 'periodic pass failed');
    } finally {
      await queueNext(work.everySeconds);
    }
  });
  // Picks the chain up again if the instance that ran a pass died before it queued the next.
  await boss.schedule(work.queue, '* * * * *', {}, { tz: 'UTC', singletonKey: NEXT });
  // A pass soon after every start, besides the one the chain may already have waiting (its own key, so it is not refused).
  await queue(START, work.firstAfterSeconds ?? 0);
}
