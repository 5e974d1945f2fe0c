/**
 * The operator's endpoints, all behind OPERATOR_TOKEN (src/operator/auth.ts); 401 without it:
 *   GET  /metrics                                  Prometheus text (src/metrics)
 *   GET  /operator/checkins/due?limit=20           who is due next, as `npm run checkins -- --due-now` prints it
 *   POST /operator/checkins/send/:conversationId   that person's check-in for their local today, now
 * The last two let operator commands work while the bot owns the embedded store (PGlite has one
 * owner: scripts/checkins.ts goes through the running bot instead of opening DATA_DIR).
 */
import type restify from 'restify';
import { z } from 'zod';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/index.ts';
import type { Sql } from '../store/database.ts';
import { isOperator } from './auth.ts';
import { dueReport } from './checkinReport.ts';

export interface OperatorDeps {
  token: string | undefined;
  metrics: Metrics;
  db: Sql;
  log: Logger;
  sendCheckinNow(conversationId: string): Promise<{ key: { conversationId: string; localDay: string }; result: { result: string } }>;
}

const limitSchema = z.coerce.number<string>().int().min(1).max(1000).catch(20);
const conversationIdSchema = z.string().min(1).max(500);

function send(res: restify.Response, status: number, body: string, type = 'application/json; charset=utf-8') {
  res.status(status);
  res.setHeader('content-type', type);
  res.setHeader('cache-control', 'no-store');
  res.end(body);
}

export function operatorRoutes(deps: OperatorDeps): (server: restify.Server) => void {
  const refuse = (res: restify.Response) => {
    res.setHeader('www-authenticate', 'Bearer realm="operator"');
    send(res, 401, JSON.stringify({ error: deps.token ? 'operator token required (Authorization: Bearer <OPERATOR_TOKEN>)' : 'operator endpoints are off: OPERATOR_TOKEN is not set' }));
  };
  return (server) => {
    server.get('/metrics', async (req, res) => {
      if (!isOperator(req, deps.token)) return refuse(res);
      const { contentType, body } = await deps.metrics.render();
      send(res, 200, body, contentType);
    });
    server.get('/operator/checkins/due', async (req, res) => {
      if (!isOperator(req, deps.token)) return refuse(res);
      const limit = limitSchema.parse(new URL(req.url ?? '/', 'http://operator').searchParams.get('limit') ?? '20');
      try {
        send(res, 200, JSON.stringify({ lines: await dueReport(deps.db, limit) }));
      } catch (error) {
        deps.log.error({ err: error }, 'operator: due report failed');
        send(res, 503, JSON.stringify({ error: 'the store could not be read; try again' }));
      }
    });
    server.post('/operator/checkins/send/:conversationId', async (req, res) => {
      if (!isOperator(req, deps.token)) return refuse(res);
      const id = conversationIdSchema.safeParse(req.params?.conversationId);
      if (!id.success) return send(res, 400, JSON.stringify({ error: 'a conversation id is required' }));
      try {
        send(res, 200, JSON.stringify(await deps.sendCheckinNow(id.data)));
      } catch (error) {
        deps.log.error({ err: error }, 'operator: check-in send failed');
        send(res, 503, JSON.stringify({ error: (error as Error)?.message ?? 'check-in could not be sent' }));
      }
    });
  };
}
