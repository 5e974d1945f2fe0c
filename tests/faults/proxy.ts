import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that a test controls: `cut()` drops every connection and
 * refuses new ones (the database "goes away" for this bot only), `restore()` brings it back,
 * `pause()` holds the bot's bytes so a turn hangs mid-transaction, `resume()` lets them through.
 */
export async function startPgProxy(target = { host: '127.0.0.1', port: 5432 }) {
  const sockets = new Set<Socket>();
  let paused = false;
  const held: (() => void)[] = [];
  let port = 0;
  let server: Server | undefined;

  function handle(client: Socket) {
    const upstream = connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('data', (chunk) => {
      if (paused || held.length) held.push(() => upstream.write(chunk));
      else upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  }

  async function listen() {
    if (server?.listening) return;
    const next = createServer(handle);
    server = next;
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server!.address();
    port = typeof address === 'object' && address ? address.port : 0;
  }
  await listen();

  return {
    get port() {
      return port;
    },
    /** A postgres:// URL (with its query string) rewritten to go through the proxy. */
    wrap(url: string) {
      return url.replace(/@[^/]+\//, `@127.0.0.1:${port}/`);
    },
    async cut() {
      const closed = new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      held.length = 0;
      await closed;
    },
    async restore() {
      await listen();
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      while (held.length) held.shift()!();
    },
    get connections() {
      return sockets.size / 2;
    },
    async close() {
      const closed = new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
