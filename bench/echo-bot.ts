/**
 * The floor: a bare botbuilder CloudAdapter + restify 12 bot that echoes, with no state, no
 * validation beyond what the SDK does, no logging. Nothing the project adds is here, so its
 * throughput and latency on this machine are the best this stack can do; `npm run bench` reports the
 * real bot as a ratio of it. Local mode (no app id): the adapter checks no token, like the real bot's.
 *
 *   PORT=3999 tsx bench/echo-bot.ts
 */
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`You said: ${context.activity.text ?? ''}`);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await context.sendActivity('Hello.');
      await next();
    });
  }
}

const bot = new EchoBot();
const server = restify.createServer({ name: 'echo-floor' });
server.use(restify.plugins.bodyParser());
server.get('/healthz', async (_req, res) => {
  res.send(200, { status: 'ok' });
});
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});

const port = Number(process.env.PORT ?? 3999);
server.listen(port, process.env.HOST ?? '127.0.0.1', () => {
  process.send?.({ ready: port });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => process.exit(0)));
