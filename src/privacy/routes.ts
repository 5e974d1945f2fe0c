import type restify from 'restify';
import type { Logger } from '../log.ts';
import type { Database } from '../store/database.ts';
import { hashToken } from './commands.ts';
import { collectPersonData } from './export.ts';

/**
 * GET /privacy/export/:token: the person's JSON export, once. The token is random, single-use and
 * short-lived; the URL carries nothing about the person, and the answer is never cached.
 */
export function privacyRoutes(deps: { db: Database; log: Logger; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return (server: restify.Server) => {
    server.get('/privacy/export/:token', async (req, res) => {
      res.setHeader('cache-control', 'no-store');
      const token = String(req.params?.token ?? '');
      const gone = () => {
        res.status(404);
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end('This download link has expired or was already used. Ask the coach "export my data" for a new one.');
      };
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return gone();
      try {
        const at = now();
        const body = await deps.db.transaction(async (tx) => {
          const rows = await tx.query<{ conversation_id: string }>(
            'update privacy_export_tokens set used_at = $2 where token_hash = $1 and used_at is null and expires_at > $2 returning conversation_id',
            [hashToken(token), at.toISOString()],
          );
          const conversationId = rows[0]?.conversation_id;
          if (!conversationId) return undefined;
          return collectPersonData(tx, conversationId, at);
        });
        if (!body) return gone();
        res.status(200);
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.setHeader('content-disposition', `attachment; filename="my-data-${at.toISOString().slice(0, 10)}.json"`);
        res.end(JSON.stringify(body, null, 2));
      } catch (error) {
        deps.log.error({ err: error }, 'data export failed');
        res.status(503);
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end('Sorry, the export is not available right now. Please try again in a moment.');
      }
    });
  };
}
