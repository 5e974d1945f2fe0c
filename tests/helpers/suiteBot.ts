import { startBot, type RunningBot } from './botClient.ts';
import { forSuite } from './forSuite.ts';

/** One bot for the describe block this is called in (started before its first test, stopped after its last). */
export function botForSuite(...args: Parameters<typeof startBot>): RunningBot {
  return forSuite(() => startBot(...args));
}
