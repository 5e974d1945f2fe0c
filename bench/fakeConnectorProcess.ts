/** The fake Bot Connector in its own process, so the benchmark's sender does not share its CPU. */
import { startFakeConnector } from '../tests/helpers/fakeConnector.ts';

const connector = await startFakeConnector({
  perTenant: Number(process.env.PER_TENANT ?? 50),
  perConversation: Number(process.env.PER_CONVERSATION ?? 7),
  retryAfterSeconds: 1,
});
process.stdout.write(`${connector.url}\n`);
process.on('SIGTERM', () => void connector.stop().then(() => process.exit(0)));
