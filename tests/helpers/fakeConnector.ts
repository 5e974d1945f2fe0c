/**
 * A local fake of the Bot Connector service: an HTTP server on loopback that records
 * `POST /v3/conversations/:id/activities`, enforces the Teams rate limits (per tenant and per
 * conversation, sliding one-second window, answered with 429 + Retry-After), and can be told to
 * answer 429, 403, 500 (or anything) for a conversation or a tenant.
 *
 * restify (loaded by the bot in the same process) patches ServerResponse.writeHead to return
 * nothing, so writeHead is never chained here.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  conversationId: string;
  tenantId: string;
  activity: { type?: string; text?: string; [key: string]: unknown };
  at: number;
}

export interface Rejection {
  conversationId: string;
  tenantId: string;
  status: number;
  at: number;
  reason: 'rate' | 'scripted';
}

export interface ScriptedAnswer {
  status: number;
  retryAfter?: string;
}

export interface FakeConnectorOptions {
  perTenant?: number;
  perConversation?: number;
  /** Retry-After sent with a rate-limit 429, in seconds. */
  retryAfterSeconds?: number;
  /** Delay before answering each request, in ms (network and service latency). */
  latencyMs?: number;
}

export class FakeConnector {
  readonly received: ReceivedActivity[] = [];
  /** Activities replaced in place (`PUT /v3/conversations/:id/activities/:activityId`). */
  readonly updated: (ReceivedActivity & { activityId: string })[] = [];
  readonly rejected: Rejection[] = [];
  private readonly tenantWindows = new Map<string, number[]>();
  private readonly conversationWindows = new Map<string, number[]>();
  private readonly conversationScripts = new Map<string, (ScriptedAnswer | 'ok')[]>();
  private readonly tenantRules = new Map<string, { answer: ScriptedAnswer; remaining: number }>();
  private server: Server | null = null;
  url = '';

  constructor(readonly options: FakeConnectorOptions = {}) {}

  /** The serviceUrl to put in conversation references (with a trailing slash, as channels send it). */
  get serviceUrl(): string {
    return `${this.url}/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 10_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  /** The next answers for one conversation, in order; 'ok' lets one through. */
  script(conversationId: string, ...answers: (ScriptedAnswer | 'ok')[]): void {
    this.conversationScripts.set(conversationId, [...(this.conversationScripts.get(conversationId) ?? []), ...answers]);
  }

  /** Every request for a tenant gets `answer`, `times` times (Infinity = until cleared). */
  failTenant(tenantId: string, answer: ScriptedAnswer, times = Infinity): void {
    this.tenantRules.set(tenantId, { answer, remaining: times });
  }

  clearTenant(tenantId: string): void {
    this.tenantRules.delete(tenantId);
  }

  messagesFor(conversationId: string): ReceivedActivity[] {
    return this.received.filter((item) => item.conversationId === conversationId);
  }

  /** Conversations that received at least one activity, with how many. */
  countsByConversation(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const item of this.received) counts.set(item.conversationId, (counts.get(item.conversationId) ?? 0) + 1);
    return counts;
  }

  reset(): void {
    this.received.length = 0;
    this.updated.length = 0;
    this.rejected.length = 0;
    this.tenantWindows.clear();
    this.conversationWindows.clear();
    this.conversationScripts.clear();
    this.tenantRules.clear();
  }

  private overLimit(windows: Map<string, number[]>, key: string, limit: number | undefined, now: number): boolean {
    if (!limit) return false;
    const window = (windows.get(key) ?? []).filter((at) => at > now - 1000);
    windows.set(key, window);
    return window.length >= limit;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.options.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
    if (req.method === 'GET' && req.url === '/_received') {
      // For a connector running in its own process (the benchmark): what arrived, compactly.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ received: this.received.map((r) => [r.conversationId, r.at]), rejected: this.rejected.map((r) => [r.conversationId, r.status, r.at]) }));
      return;
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/.exec(req.url ?? '');
    if (req.method === 'PUT' && match?.[2]) return this.update(req, res, decodeURIComponent(match[1]!), decodeURIComponent(match[2]), Buffer.concat(chunks).toString('utf8'));
    if (req.method !== 'POST' || !match) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NotFound' } }));
      return;
    }
    const conversationId = decodeURIComponent(match[1]!);
    let activity: ReceivedActivity['activity'] = {};
    try {
      activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    const conversation = activity.conversation as { tenantId?: string } | undefined;
    const tenantId = conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? 'none';
    const now = Date.now();

    const rule = this.tenantRules.get(tenantId);
    const scripted = rule && rule.remaining > 0 ? rule.answer : this.nextScripted(conversationId);
    if (rule && rule.remaining > 0) rule.remaining--;
    if (scripted) {
      this.rejected.push({ conversationId, tenantId, status: scripted.status, at: now, reason: 'scripted' });
      return this.answer(res, scripted.status, scripted.retryAfter);
    }
    // The platform counts every request it receives, throttled or not.
    const tenantOver = this.overLimit(this.tenantWindows, tenantId, this.options.perTenant, now);
    const conversationOver = this.overLimit(this.conversationWindows, conversationId, this.options.perConversation, now);
    this.tenantWindows.get(tenantId)?.push(now);
    this.conversationWindows.get(conversationId)?.push(now);
    if (tenantOver || conversationOver) {
      this.rejected.push({ conversationId, tenantId, status: 429, at: now, reason: 'rate' });
      return this.answer(res, 429, String(this.options.retryAfterSeconds ?? 1));
    }
    this.received.push({ conversationId, tenantId, activity, at: now });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `a-${this.received.length}` }));
  }

  /** An update in place: scripted answers apply as to posts; an id never posted here is 404, as Teams does. */
  private update(_req: IncomingMessage, res: ServerResponse, conversationId: string, activityId: string, body: string): void {
    const scripted = this.nextScripted(conversationId);
    if (scripted) {
      this.rejected.push({ conversationId, tenantId: 'none', status: scripted.status, at: Date.now(), reason: 'scripted' });
      return this.answer(res, scripted.status, scripted.retryAfter);
    }
    const posted = Number(/^a-(\d+)$/.exec(activityId)?.[1] ?? 0);
    if (!posted || this.received[posted - 1]?.conversationId !== conversationId) return this.answer(res, 404);
    let activity: ReceivedActivity['activity'] = {};
    try {
      activity = JSON.parse(body || '{}');
    } catch {
      return this.answer(res, 400);
    }
    this.updated.push({ conversationId, tenantId: 'none', activity, at: Date.now(), activityId });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: activityId }));
  }

  private nextScripted(conversationId: string): ScriptedAnswer | undefined {
    const queue = this.conversationScripts.get(conversationId);
    if (!queue?.length) return undefined;
    const next = queue.shift()!;
    return next === 'ok' ? undefined : next;
  }

  private answer(res: ServerResponse, status: number, retryAfter?: string): void {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
    res.writeHead(status, headers);
    res.end(JSON.stringify({ error: { code: String(status), message: `fake connector answered ${status}` } }));
  }
}

export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  return new FakeConnector(options).start();
}
