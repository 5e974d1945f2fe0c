import { ConfigError, loadConfig, redactSecrets } from './config.ts';
import { ContentError, startApp, type App } from './app.ts';
import { StoreUnavailableError } from './store/database.ts';
import { DataDirLocked, dataDirOwner } from './store/dataDirLock.ts';
import { closePrewarmed } from './store/pglite.ts';
import { PortInUse, startingPlaceholder } from './starting.ts';

/**
 * How long a stop may take before the process exits anyway. Platforms send SIGKILL after their own
 * grace period (Kubernetes 30 s, systemd 90 s, `docker stop` 10 s); the contract here is 5 s.
 */
const STOP_DEADLINE_MS = 4500;

/** Everything printed goes through here: no secret from the environment reaches the terminal or a log. */
function printError(line: string): void {
  console.error(redactSecrets(line, process.env));
}

/**
 * SIGTERM or SIGINT: /healthz turns 503, the listener stops taking connections, turns already
 * running finish and are written, the schedulers stop, the store is closed, then the process exits.
 * A second signal while stopping changes nothing (npm forwards the terminal's Ctrl-C once more).
 */
function stopOnSignals(started: Promise<App | undefined>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const deadline = setTimeout(() => {
      printError(`stop took longer than ${STOP_DEADLINE_MS} ms; exiting with work unfinished (every turn is written whole or not at all)`);
      process.exit(1);
    }, STOP_DEADLINE_MS);
    deadline.unref();
    // A signal during start-up waits for the start to finish, so the store is never left half-opened.
    void started.then((app) => (app ? stopApp(app, signal) : process.exit(1)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function stopApp(app: App, signal: NodeJS.Signals): void {
  app.log.info({ signal }, 'stopping');
  app.close().then(
    () => process.exit(0),
    (error: unknown) => {
      printError(`stop failed: ${(error as Error)?.message ?? String(error)}`);
      process.exit(1);
    },
  );
}

/** The process entry: any start-up problem is printed one line each, and the process exits non-zero. */
async function main(): Promise<App | undefined> {
  try {
    const config = loadConfig(process.env);
    // A second process on the same DATA_DIR is refused before it takes the port or touches a file.
    const owner = config.DATABASE_URL ? undefined : dataDirOwner(config.DATA_DIR);
    if (owner) throw new DataDirLocked(config.DATA_DIR, owner);
    // /healthz answers 503 while the store opens and the schedulers start (the contract), not "connection refused".
    const placeholder = await startingPlaceholder(config.PORT, config.HOST);
    const app = await startApp(config, { beforeListen: () => placeholder.close() }).finally(() => placeholder.close());
    // Operator commands (npm run checkins) find the running bot through the embedded store's lock.
    app.db.dataDirLock?.recordUrl(app.url);
    return app;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ContentError) {
      for (const problem of error.problems) printError(problem);
    } else if (error instanceof DataDirLocked || error instanceof PortInUse) {
      printError(error.message);
    } else if (error instanceof StoreUnavailableError) {
      printError(`DATABASE_URL: cannot reach the database (${(error.cause as Error)?.message ?? error.message})`);
    } else {
      printError(`start failed: ${(error as Error)?.message ?? String(error)}`);
    }
    // A store src/main.ts began opening is closed cleanly, never left to the exit.
    await closePrewarmed();
    process.exit(1);
  }
}

// A bad message must never stop the process; log it and keep serving.
process.on('unhandledRejection', (reason) => printError(`unhandled rejection: ${(reason as Error)?.message ?? String(reason)}`));

const started = main();
stopOnSignals(started);
await started;
