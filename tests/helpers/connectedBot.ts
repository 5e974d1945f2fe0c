import type { CheckinSettings } from '../../src/schedule/index.ts';
import { Person, startBot, type RunningBot } from './botClient.ts';
import { startFakeConnector, type FakeConnector } from './fakeConnector.ts';

/** A bot whose proactive messages (check-ins, the care team's replies) go to a fake connector. */
export interface ConnectedBot {
  bot: RunningBot;
  connector: FakeConnector;
  /** A new person whose conversation's proactive messages reach the fake connector. */
  person(): Person;
  stop(): Promise<void>;
}

/** Check-ins are ticked by hand unless `checkins` says otherwise. */
export async function startConnectedBot(engine: 'pglite' | 'postgres', env: Record<string, string>, now?: () => Date, checkins: CheckinSettings = { cron: false }): Promise<ConnectedBot> {
  const connector = await startFakeConnector();
  const bot = await startBot(engine, env, now, undefined, checkins);
  return {
    bot,
    connector,
    person() {
      const person = new Person(bot.url);
      person.serviceUrl = connector.serviceUrl;
      return person;
    },
    async stop() {
      await bot.stop();
      await connector.stop();
    },
  };
}
