import type { App } from '../../src/app.ts';

/** The jobs waiting in a queue of the bot's job queue (pg-boss). */
export function queuedJobs<T>(app: App, queue: string) {
  return app.jobs.boss.findJobs<T>(queue, { queued: true });
}

/** The time passes for a queue's waiting jobs: each is due now (the bot's workers take them on their next poll). */
export async function dueNow(app: App, queue: string): Promise<number> {
  const waiting = await queuedJobs(app, queue);
  for (const job of waiting) await app.jobs.boss.update(queue, undefined, { id: job.id, startAfter: new Date() });
  return waiting.length;
}
