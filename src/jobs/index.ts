/**
 * The durable work queue: one pg-boss on the project's database, started once (src/app.ts) and
 * handed to every part with work that must outlive a restart (check-ins, reminders, hold timers,
 * handoff delivery, the care team's notices, retention). PGlite in-process by default
 * (`fromPglite`), PostgreSQL when DATABASE_URL is set. The queue is the transport; each part's
 * exactly-once rule lives in its own table (docs/architecture.md, "Durable work").
 */
import { PgBoss, fromPglite } from 'pg-boss';
import type { Logger } from '../log.ts';
import type { Database } from '../store/database.ts';

export interface Jobs {
  boss: PgBoss;
  schema: string;
  /** Stops taking jobs; running ones get `timeoutMs` to finish (a job cut short runs again after the restart). */
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}

/** pg-boss's schema: `pgboss`, or `<schema>_pgboss` when the store lives in a non-public schema. */
async function bossSchemaFor(db: Database, databaseUrl?: string): Promise<string> {
  if (!databaseUrl) return 'pgboss';
  const rows = await db.query<{ schema: string }>('select current_schema() as schema');
  const current = rows[0]?.schema ?? 'public';
  return current === 'public' ? 'pgboss' : `${current}_pgboss`;
}

export async function startJobs(options: { db: Database; log: Logger; databaseUrl?: string; schema?: string }): Promise<Jobs> {
  const { db, log } = options;
  const schema = options.schema ?? (await bossSchemaFor(db, options.databaseUrl));
  let boss: PgBoss;
  if (options.databaseUrl) {
    boss = new PgBoss({ connectionString: options.databaseUrl, schema, max: 4, application_name: 'disc-coach-checkins' });
  } else {
    const pglite = db.pglite;
    if (!pglite) throw new Error('jobs: the embedded store did not expose its PGlite instance');
    boss = new PgBoss({ db: fromPglite(pglite), backend: 'pglite', schema });
  }
  boss.on('error', (error: unknown) => log.error({ err: error }, 'pg-boss error'));
  await boss.start();
  return {
    boss,
    schema,
    stop: (stop = {}) => boss.stop({ graceful: stop.graceful ?? true, timeout: stop.timeoutMs ?? 10_000, close: true }),
  };
}
