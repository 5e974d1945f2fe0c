/**
 * Vacuum and planner statistics for the embedded engine. PGlite runs no autovacuum: unless the
 * application does it, statistics stay those of an empty table and dead row versions are never
 * cleared. pg-boss's fetch then plans a queue that just received 10,000 check-ins as if it held
 * none and reads every dead index entry left by the jobs already done; measured, one fetch went
 * from about 1.5 ms to 300 ms over a day's sends, and the send rate halved.
 *
 * PostgreSQL has autovacuum, so there this does nothing.
 */
import type { Logger } from '../log.ts';
import type { Database } from './database.ts';

export interface ChurnVacuumOptions {
  /** Qualified table names, e.g. `pgboss.job_common`. */
  tables: string[];
  /** Rows changed (as reported by `note`) before the tables are vacuumed again. */
  everyRows: number;
}

/** Vacuums the given tables once enough rows have changed; one run at a time, in the background. */
export class ChurnVacuum {
  private changed = 0;
  private running: Promise<void> | null = null;
  /** Runs done so far (operator view and tests). */
  runs = 0;

  constructor(
    private readonly db: Database,
    private readonly options: ChurnVacuumOptions,
    private readonly log: Logger,
  ) {}

  get active(): boolean {
    return this.db.engine === 'pglite' && this.options.tables.length > 0;
  }

  /** Counts changed rows; starts a vacuum when the threshold is passed and none is running. */
  note(rows: number): void {
    if (!this.active) return;
    this.changed += rows;
    if (this.changed >= this.options.everyRows && !this.running) void this.vacuum();
  }

  /**
   * Statistics now, without waiting for the threshold: after a bulk insert the planner must know
   * the table is no longer empty before the first fetch.
   */
  async analyze(): Promise<void> {
    if (!this.active) return;
    await this.run('analyze');
  }

  async vacuum(): Promise<void> {
    if (!this.active) return;
    if (this.running) return this.running;
    this.changed = 0;
    this.running = this.run('vacuum (analyze)').finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Resolves when no vacuum is running (shutdown waits for it before closing the database). */
  async settled(): Promise<void> {
    await this.running;
  }

  private async run(command: 'analyze' | 'vacuum (analyze)'): Promise<void> {
    const started = performance.now();
    try {
      // Tables are names the application chose (never input); VACUUM takes no parameters.
      await this.db.query(`${command} ${this.options.tables.join(', ')}`);
      this.runs++;
      this.log.debug({ command, tables: this.options.tables, ms: Math.round(performance.now() - started) }, 'embedded store maintenance');
    } catch (error) {
      // Maintenance failing is not a reason to stop sending: the next threshold tries again.
      this.log.warn({ err: error, command }, 'embedded store maintenance failed');
    }
  }
}
