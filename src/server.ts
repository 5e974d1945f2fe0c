import restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { inboundActivitySchema } from './bot/inbound.ts';
import { BodyTooLarge, readBody } from './http/readBody.ts';
import type { Logger } from './log.ts';
import { applySecurityHeaders } from './security/headers.ts';

export interface ServerDeps {
  adapter: CloudAdapter;
  onTurn: (context: TurnContext) => Promise<void>;
  isReady: () => boolean;
  log: Logger;
  maxBodyBytes?: number;
  /** Further routes (web chat, clinician console, operator), each registered by its own module. */
  routes?: ((server: restify.Server) => void)[];
}

const DEFAULT_MAX_BODY = 512 * 1024;

function sendJson(res: restify.Response, status: number, body: unknown) {
  res.status(status);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/** restify: /api/messages for the Bot Framework, /healthz for the platform. */
export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'disc-coach', handleUncaughtExceptions: false });
  const maxBody = deps.maxBodyBytes ?? DEFAULT_MAX_BODY;

  // Before routing, so every answer (404 and 405 included) carries them (src/security/headers.ts).
  server.pre(applySecurityHeaders);

  server.get('/healthz', async (_req, res) => {
    if (deps.isReady()) sendJson(res, 200, { status: 'ok' });
    else sendJson(res, 503, { status: 'starting' });
  });

  server.post('/api/messages', async (req, res) => {
    let raw: string;
    try {
      raw = await readBody(req, maxBody);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        res.setHeader('connection', 'close');
        return sendJson(res, 413, { error: `request body is larger than ${maxBody} bytes` });
      }
      return sendJson(res, 400, { error: 'could not read the request body' });
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return sendJson(res, 400, { error: 'request body is not valid JSON' });
    }
    const parsed = inboundActivitySchema.safeParse(body);
    if (!parsed.success) {
      return sendJson(res, 400, { error: `not a Bot Framework activity: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')}` });
    }
    if (!deps.isReady()) return sendJson(res, 503, { error: 'starting, try again shortly' });
    (req as { body?: unknown }).body = parsed.data;
    try {
      await deps.adapter.process(req, res, deps.onTurn);
    } catch (error) {
      deps.log.error({ err: error }, 'activity processing failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    }
  });

  for (const register of deps.routes ?? []) register(server);
  return server;
}

/** Whether the server takes turns yet: closed until the start is done, closed again when stopping. */
export function readiness() {
  const state = { open: false };
  return {
    isOpen: () => state.open,
    open: () => void (state.open = true),
    close: () => void (state.open = false),
  };
}

/** Where links to this server point: PUBLIC_URL when set, otherwise the address it listens on once it does. */
export interface PublicUrl {
  url(): string;
}

export function listeningAddress(publicUrl: string | undefined): PublicUrl & { listening(url: string): void } {
  const state = { url: '' };
  return {
    url: () => publicUrl ?? state.url,
    listening: (url) => void (state.url = url),
  };
}
