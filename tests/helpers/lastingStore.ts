import { startBot, type RunningBot } from './botClient.ts';
import { freshDataDir, freshPostgresUrl } from './databases.ts';

export type StartOnStore = (env?: Record<string, string>, now?: () => Date) => Promise<RunningBot>;

/**
 * A store that outlives the bot, for restart tests: `start` runs the whole bot on it (the same
 * DATA_DIR, or the same PostgreSQL database), as often as the test stops and starts it again.
 */
export async function withLastingStore(engine: 'pglite' | 'postgres', run: (start: StartOnStore) => Promise<void>): Promise<void> {
  const data = freshDataDir();
  const postgres = engine === 'postgres' ? await freshPostgresUrl() : undefined;
  try {
    await run((env = {}, now) => startBot('pglite', { ...env, ...(postgres ? { DATABASE_URL: postgres.url } : {}) }, now, data.dir, { cron: false }));
  } finally {
    data.remove();
    await postgres?.drop();
  }
}
