import { afterAll, beforeAll } from 'vitest';
import { startBot, type RunningBot } from './botClient.ts';

/**
 * One bot for the describe block this is called in: started before its first test, stopped after
 * its last. The handle reads the bot that is running, so use it inside tests and hooks.
 */
export function botForSuite(...args: Parameters<typeof startBot>): RunningBot {
  let running: RunningBot | undefined;
  beforeAll(async () => {
    running = await startBot(...args);
  });
  afterAll(async () => {
    await running?.stop();
  });
  const bot = (): RunningBot => {
    if (!running) throw new Error('the suite bot is used before it started (use it inside a test or a hook)');
    return running;
  };
  return {
    get app() {
      return bot().app;
    },
    get url() {
      return bot().url;
    },
    get dataDir() {
      return bot().dataDir;
    },
    get databaseUrl() {
      return bot().databaseUrl;
    },
    stop: () => bot().stop(),
  };
}
