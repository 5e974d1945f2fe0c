import { createServer, type Server } from 'node:http';

/** A clinician webhook on loopback that records what it receives and answers as told. */
export async function startFakeWebhook(answer: (count: number) => number = () => 200) {
  const received: unknown[] = [];
  let count = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      count += 1;
      const status = answer(count);
      if (status >= 200 && status < 300) received.push(JSON.parse(body));
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/handoffs`,
    received,
    attempts: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
