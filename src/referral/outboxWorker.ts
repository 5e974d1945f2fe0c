import type { Database } from '../store/database.ts';
import { appendEvents } from '../store/events.ts';
import { claimDueHandoffs, markHandoffDelivered, markHandoffFailed, type OutboxItem } from '../store/outbox.ts';
import { startPeriodic } from '../jobs/periodic.ts';
import type { Jobs } from '../jobs/index.ts';
import type { Logger } from '../log.ts';
import { webhookPayloadSchema } from './webhookPayload.ts';

export const HANDOFF_DELIVERY_QUEUE = 'handoff-delivery';

export interface OutboxWorkerOptions {
  db: Database;
  /** The pass that looks for due handoffs runs on the job queue (src/jobs/periodic.ts). */
  jobs: Jobs;
  webhookUrl: string | undefined;
  log: Logger;
  now?: () => Date;
  fetch?: typeof fetch;
  /** How often due items are looked for; a new handoff also wakes the worker at once (HandoffSignal). */
  pollMs?: number;
  timeoutMs?: number;
}

const LEASE_SECONDS = 60;
const MAX_BACKOFF_MS = 30 * 60 * 1000;

/** Exponential backoff with jitter, capped: 5 s, 10 s, 20 s … 30 min. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 5000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base / 2 + random() * (base / 2));
}

/**
 * Delivers handoffs from the outbox to the clinician webhook until acknowledged (2xx). The claim is
 * the outbox row's lease (claimDueHandoffs): several instances, or this one after a restart,
 * deliver each once. The job queue only says when to look.
 */
export async function startOutboxWorker(options: OutboxWorkerOptions) {
  const now = options.now ?? (() => new Date());
  const send = options.fetch ?? fetch;
  let running: Promise<void> | undefined;
  let stopped = false;

  async function deliver(item: OutboxItem): Promise<void> {
    const { db, log } = options;
    const payload = webhookPayloadSchema.safeParse({
      handoffId: item.id,
      conversationId: item.conversationId,
      urgency: item.urgency,
      reasons: item.payload.reasons,
      region: item.payload.region,
      summary: item.payload.summary,
      createdAt: item.payload.at,
    });
    if (!payload.success) {
      // Never silently drop a handoff: keep it pending, visible in the log, for a person to look at.
      log.error({ handoffId: item.id, issues: payload.error.issues.map((i) => i.path.join('.')) }, 'handoff payload invalid');
      await markHandoffFailed(db, item.id, 'invalid payload', new Date(now().getTime() + MAX_BACKOFF_MS));
      return;
    }
    let error: string | undefined;
    try {
      const response = await send(options.webhookUrl!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `handoff-${item.id}` },
        body: JSON.stringify(payload.data),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (!response.ok) error = `HTTP ${response.status}`;
      await response.body?.cancel().catch(() => {});
    } catch (cause) {
      error = (cause as Error).name === 'TimeoutError' ? 'timed out' : ((cause as Error).message ?? 'network error');
    }
    const at = now();
    if (error === undefined) {
      await db.transaction(async (tx) => {
        await markHandoffDelivered(tx, item.id, at);
        await appendEvents(tx, item.conversationId, [{ type: 'handoff.delivered', data: { handoffId: item.id, attempts: item.attempts }, at: at.toISOString() }]);
      });
      log.info({ handoffId: item.id, urgency: item.urgency }, 'handoff delivered');
    } else {
      const retryAt = new Date(at.getTime() + retryDelayMs(item.attempts));
      await db.transaction(async (tx) => {
        await markHandoffFailed(tx, item.id, error, retryAt);
        await appendEvents(tx, item.conversationId, [
          { type: 'handoff.deliveryFailed', data: { handoffId: item.id, attempts: item.attempts, error, retryAt: retryAt.toISOString() }, at: at.toISOString() },
        ]);
      });
      log.warn({ handoffId: item.id, attempts: item.attempts, error }, 'handoff delivery failed; will retry');
    }
  }

  async function drain(): Promise<void> {
    for (;;) {
      if (stopped) return;
      const due = await claimDueHandoffs(options.db, now(), LEASE_SECONDS, 10);
      if (due.length === 0) return;
      await Promise.all(due.map((item) => deliver(item).catch((error) => options.log.error({ err: error, handoffId: item.id }, 'handoff delivery crashed'))));
    }
  }

  function wake(): Promise<void> {
    if (!options.webhookUrl || stopped) return Promise.resolve();
    running ??= drain()
      .catch((error) => options.log.warn({ err: error }, 'outbox poll failed'))
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  if (options.webhookUrl) {
    await startPeriodic(options.jobs, { queue: HANDOFF_DELIVERY_QUEUE, everySeconds: (options.pollMs ?? 5000) / 1000, firstAfterSeconds: (options.pollMs ?? 5000) / 1000, run: wake }, options.log);
    void wake();
  }

  return {
    wake,
    async stop() {
      stopped = true;
      await running;
    },
  };
}
