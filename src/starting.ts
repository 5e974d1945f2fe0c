import { createServer, type Server } from 'node:http';

/** Raised when the port is taken; the message is the one line a person reads. */
export class PortInUse extends Error {
  constructor(readonly port: number) {
    super(`PORT: ${port} is already in use by another program; stop it or set PORT to a free port`);
    this.name = 'PortInUse';
  }
}

/**
 * Holds PORT while the bot starts and answers every request 503 ("starting", retry after a second),
 * so a platform's health check sees "not ready yet" rather than a refused connection. Closed just
 * before the real server listens on the same port.
 */
export async function startingPlaceholder(port: number, host?: string): Promise<{ close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    req.resume();
    res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1', connection: 'close', 'cache-control': 'no-store' });
    res.end(JSON.stringify(req.url === '/healthz' ? { status: 'starting' } : { error: 'starting, try again shortly' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUse(port) : error));
    if (host) server.listen(port, host, resolve);
    else server.listen(port, resolve);
  });
  let closed: Promise<void> | undefined;
  return {
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
