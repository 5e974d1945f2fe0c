import { ConfigError, loadConfig } from './config.ts';
import { ContentError, startApp } from './app.ts';
import { StoreUnavailableError } from './store/database.ts';

/** The process entry: any start-up problem is printed one line each, and the process exits non-zero. */
async function main() {
  try {
    const config = loadConfig(process.env);
    const app = await startApp(config);
    const stop = async () => {
      await app.close().catch(() => {});
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ContentError) {
      for (const problem of error.problems) console.error(problem);
    } else if (error instanceof StoreUnavailableError) {
      console.error(`DATABASE_URL: cannot reach the database (${(error.cause as Error)?.message ?? error.message})`);
    } else {
      console.error(`start failed: ${(error as Error)?.message ?? String(error)}`);
    }
    process.exit(1);
  }
}

// A bad message must never stop the process; log it and keep serving.
process.on('unhandledRejection', (reason) => console.error('unhandled rejection:', (reason as Error)?.message ?? reason));

await main();
