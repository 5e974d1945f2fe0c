/**
 * What an operator watches, in Prometheus' text format (GET /metrics, src/operator/routes.ts).
 *
 * Two kinds of series:
 * - this process's own counters and histograms (turns, their latency, handoffs initiated by urgency,
 *   store errors), which restart at zero with the process as Prometheus expects;
 * - the store's state, read when scraped (handoffs waiting and the age of the oldest, check-in sends
 *   by outcome, webhook delivery lag). With several instances on one PostgreSQL every instance reports
 *   the same store-wide figures: aggregate them with max(), not sum().
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Logger } from '../log.ts';
import type { Sql } from '../store/database.ts';
import { outboxFigures } from '../store/outbox.ts';
import { sendsByStatus } from '../schedule/store.ts';
import { URGENCY_ORDER } from '../vocabulary/index.ts';

const PREFIX = 'disc_coach_';

export interface Metrics {
  readonly registry: Registry;
  /** Times one inbound activity from the adapter's hand-over to the last reply sent. */
  turnStarted(kind: string): () => void;
  /** A turn stored a handoff (a warning sign, or a person asking for a clinician). */
  handoffInitiated(urgency: string): void;
  /** A statement the store rejected or could not run. */
  storeError(kind: 'unavailable' | 'statement'): void;
  /** Prometheus text exposition of every series, store figures read now. */
  render(): Promise<{ contentType: string; body: string }>;
}

export function createMetrics(options: { db: Sql; log: Logger; defaultMetrics?: boolean }): Metrics {
  const registry = new Registry();
  // Process figures (CPU, resident memory, heap, event-loop lag, open handles) with the same prefix.
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const turns = new Counter({ name: `${PREFIX}turns_total`, help: 'Inbound activities handled, by activity type.', labelNames: ['kind'], registers: [registry] });
  const turnSeconds = new Histogram({
    name: `${PREFIX}turn_duration_seconds`,
    help: 'Time from receiving an activity to the last reply sent, by activity type.',
    labelNames: ['kind'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const handoffs = new Counter({ name: `${PREFIX}warning_signs_total`, help: 'Handoffs initiated by this process, by urgency tier (emergency, urgent, soon; routine = the person asked).', labelNames: ['tier'], registers: [registry] });
  const storeErrors = new Counter({ name: `${PREFIX}store_errors_total`, help: 'Store statements that failed: unavailable (connection) or statement (rejected).', labelNames: ['kind'], registers: [registry] });
  for (const tier of URGENCY_ORDER) handoffs.inc({ tier }, 0);
  for (const kind of ['unavailable', 'statement']) storeErrors.inc({ kind }, 0);

  const pending = new Gauge({ name: `${PREFIX}handoffs_pending`, help: 'Handoffs in the outbox not yet delivered to the clinician webhook, by urgency.', labelNames: ['urgency'], registers: [registry] });
  const oldest = new Gauge({ name: `${PREFIX}handoffs_pending_oldest_age_seconds`, help: 'Age of the oldest handoff not yet delivered (0 when none waits).', registers: [registry] });
  const lag = new Gauge({ name: `${PREFIX}webhook_delivery_lag_seconds`, help: 'Time from a handoff being stored to its webhook delivery, over the deliveries of the last 15 minutes.', labelNames: ['stat'], registers: [registry] });
  const checkins = new Gauge({ name: `${PREFIX}checkin_sends`, help: 'Check-in sends recorded in the store, by kind and outcome (sent, failed, gave_up, blocked, skipped, queued, sending).', labelNames: ['kind', 'status'], registers: [registry] });
  const scrapeErrors = new Counter({ name: `${PREFIX}metrics_store_read_errors_total`, help: 'Scrapes whose store figures could not be read.', registers: [registry] });

  async function readStore(): Promise<void> {
    const [{ pending: outbox, delivered }, sends] = await Promise.all([outboxFigures(options.db), sendsByStatus(options.db)]);
    pending.reset();
    for (const urgency of URGENCY_ORDER) pending.set({ urgency }, 0);
    let oldestAge = 0;
    for (const row of outbox) {
      pending.set({ urgency: row.urgency }, Number(row.n));
      oldestAge = Math.max(oldestAge, Number(row.oldest ?? 0));
    }
    oldest.set(oldestAge);
    const recent = delivered[0];
    lag.set({ stat: 'mean' }, Number(recent?.mean ?? 0));
    lag.set({ stat: 'max' }, Number(recent?.max ?? 0));
    lag.set({ stat: 'count' }, Number(recent?.n ?? 0));
    checkins.reset();
    for (const row of sends) checkins.set({ kind: row.kind, status: row.status }, Number(row.n));
  }

  return {
    registry,
    turnStarted(kind) {
      const stop = turnSeconds.startTimer({ kind });
      turns.inc({ kind });
      return () => void stop();
    },
    handoffInitiated(urgency) {
      handoffs.inc({ tier: urgency });
    },
    storeError(kind) {
      storeErrors.inc({ kind });
    },
    async render() {
      try {
        await readStore();
      } catch (error) {
        // The process figures still tell the operator something when the store cannot be read.
        scrapeErrors.inc();
        options.log.warn({ err: error }, 'metrics: store figures could not be read');
      }
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
