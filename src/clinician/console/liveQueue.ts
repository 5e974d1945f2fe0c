/**
 * Live updates of the queue as server-sent events (GET /clinician/events). A change made by this
 * instance is sent at once; changes made by other instances (several instances on one PostgreSQL)
 * are noticed by a cheap fingerprint of the cases table, read every few seconds while anyone
 * listens. The browser then fetches the table again with its own filters (console.js).
 */
import type { ServerResponse } from 'node:http';
import type { Logger } from '../../log.ts';
import type { Database } from '../../store/database.ts';
import type { QueueChange } from '../service.ts';
import { queueFingerprint } from '../store.ts';

export interface LiveQueueDeps {
  db: Database;
  log: Logger;
  subscribe: (listener: (change: QueueChange) => void) => () => void;
  /** How often the table's fingerprint is read while someone listens. */
  pollMs?: number;
  /** A comment line keeps proxies from closing a quiet stream. */
  heartbeatMs?: number;
}

export function createLiveQueue(deps: LiveQueueDeps) {
  const clients = new Set<ServerResponse>();
  let fingerprint: string | undefined;
  let poller: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let polling = false;

  function broadcast(event: string, data: unknown): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const res of clients) res.write(frame);
  }

  const unsubscribe = deps.subscribe((change) => {
    if (clients.size) broadcast('queue', change);
  });

  async function poll(): Promise<void> {
    if (polling || clients.size === 0) return;
    polling = true;
    try {
      const now = await queueFingerprint(deps.db);
      if (fingerprint !== undefined && now !== fingerprint) broadcast('queue', { kind: 'refresh' });
      fingerprint = now;
    } catch (error) {
      deps.log.warn({ err: error }, 'live queue poll failed');
    } finally {
      polling = false;
    }
  }

  function startTimers(): void {
    if (poller) return;
    poller = setInterval(() => void poll(), deps.pollMs ?? 3000);
    poller.unref();
    heartbeat = setInterval(() => {
      for (const res of clients) res.write(': still here\n\n');
    }, deps.heartbeatMs ?? 25_000);
    heartbeat.unref();
  }

  function stopTimers(): void {
    if (poller) clearInterval(poller);
    if (heartbeat) clearInterval(heartbeat);
    poller = heartbeat = undefined;
    fingerprint = undefined;
  }

  /** Holds the response open as an event stream until the browser goes away or the server stops. */
  function attach(res: ServerResponse, headers: Record<string, string>): void {
    res.statusCode = 200;
    for (const [name, value] of Object.entries({ ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' })) res.setHeader(name, value);
    res.flushHeaders?.();
    res.write('retry: 3000\n\nevent: ready\ndata: {}\n\n');
    clients.add(res);
    startTimers();
    void poll();
    res.on('close', () => {
      clients.delete(res);
      if (clients.size === 0) stopTimers();
    });
  }

  /** Ends every stream (before the server closes, which would otherwise wait for them). */
  function close(): void {
    unsubscribe();
    stopTimers();
    for (const res of clients) res.end();
    clients.clear();
  }

  return { attach, close, listeners: () => clients.size };
}

export type LiveQueue = ReturnType<typeof createLiveQueue>;
