import { loadConfig } from '../../src/config.ts';
import { startApp, type App } from '../../src/app.ts';
import type { CheckinSettings } from '../../src/schedule/index.ts';
import { freshDataDir, freshPostgresUrl } from './databases.ts';

export interface BotActivity {
  type: string;
  text?: string;
  name?: string;
  value?: any;
  suggestedActions?: { actions: { title: string; value: string }[] };
  attachments?: { contentType: string; content: any; name?: string }[];
}

let counter = 0;

/** Posts one activity body to the bot's /api/messages; the replies of expectReplies, if any. */
export async function postActivity(url: string, body: unknown): Promise<{ status: number; activities: BotActivity[]; raw: string }> {
  const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const raw = await response.text();
  let activities: BotActivity[] = [];
  try {
    activities = (JSON.parse(raw) as { activities?: BotActivity[] }).activities ?? [];
  } catch {
    // not JSON (or no body): no replies
  }
  return { status: response.status, activities, raw };
}

/** A person talking to the real HTTP endpoint with Bot Framework activities (expectReplies). */
export class Person {
  readonly conversationId: string;
  /** Where the bot's proactive messages go (a fake Bot Connector in check-in tests). */
  serviceUrl = 'http://127.0.0.1:9/';
  constructor(
    private readonly url: string,
    readonly id = `user-${++counter}-${Math.random().toString(36).slice(2, 8)}`,
    conversationId?: string,
  ) {
    this.conversationId = conversationId ?? `conv-${this.id}`;
  }

  activity(extra: Record<string, unknown>) {
    return {
      channelId: 'test',
      serviceUrl: this.serviceUrl,
      deliveryMode: 'expectReplies',
      id: `act-${++counter}`,
      from: { id: this.id, name: 'Pat' },
      recipient: { id: 'bot', name: 'coach' },
      conversation: { id: this.conversationId },
      ...extra,
    };
  }

  post(body: unknown): Promise<{ status: number; activities: BotActivity[]; raw: string }> {
    return postActivity(this.url, body);
  }

  async say(text: string): Promise<BotActivity[]> {
    const result = await this.post(this.activity({ type: 'message', text }));
    if (result.status !== 200) throw new Error(`POST /api/messages answered ${result.status}: ${result.raw}`);
    return result.activities;
  }

  /** Answers question after question, one message each; returns the replies to the last. */
  async sayInTurn(...answers: string[]): Promise<BotActivity[]> {
    let replies: BotActivity[] = [];
    for (const answer of answers) replies = await this.say(answer);
    return replies;
  }

  async join(): Promise<BotActivity[]> {
    const result = await this.post(this.activity({ type: 'conversationUpdate', membersAdded: [{ id: this.id }] }));
    return result.activities;
  }
}

export const texts = (activities: BotActivity[]) => activities.filter((a) => a.type === 'message').map((a) => a.text ?? '');
export const allText = (activities: BotActivity[]) => texts(activities).join('\n');
export const handoffs = (activities: BotActivity[]) => activities.filter((a) => a.type === 'event' && a.name === 'handoff.initiate');
export const buttons = (activities: BotActivity[]) => activities.flatMap((a) => a.suggestedActions?.actions.map((action) => action.title) ?? []);

export interface RunningBot {
  app: App;
  url: string;
  dataDir?: string;
  databaseUrl?: string;
  stop(): Promise<void>;
}

/** Starts the whole bot in-process on a free port with fresh storage of the given engine. */
export async function startBot(
  engine: 'pglite' | 'postgres' = 'pglite',
  env: Record<string, string> = {},
  now?: () => Date,
  /** Reuse this DATA_DIR (a restart); the caller removes it. */
  dataDir?: string,
  /** Check-in scheduler settings (e.g. `{ cron: false }` so a test ticks by hand). */
  checkins?: CheckinSettings,
): Promise<RunningBot> {
  const storage = engine === 'postgres' ? await freshPostgresUrl() : undefined;
  const data = engine === 'pglite' ? (dataDir ? { dir: dataDir, remove: () => {} } : freshDataDir()) : undefined;
  // Scripted people type far faster than real ones: the per-conversation rate limit is lifted
  // unless a test sets it (the rate-limit tests do).
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: data?.dir, DATABASE_URL: storage?.url, RATE_LIMIT_MESSAGES: '10000', ...env });
  const app = await startApp(config, { now, checkins });
  return {
    app,
    url: app.url,
    dataDir: data?.dir,
    databaseUrl: storage?.url,
    async stop() {
      await app.close();
      data?.remove();
      await storage?.drop();
    },
  };
}
