/**
 * The real bot for `npm run bench`: exactly what src/main.ts starts (loadConfig + startApp), plus an
 * IPC channel so the benchmark can collect garbage and read memory inside the process.
 * Run compiled, `node --expose-gc dist/bench/bot-process.js`, through child_process.fork.
 */
import module from 'node:module';

// As src/main.ts: the compile cache first, the embedded store opening on its thread, then the program.
module.enableCompileCache?.();
if (!process.env.DATABASE_URL?.trim()) (await import('../src/store/pglite.ts')).prewarmPglite(process.env.DATA_DIR?.trim() || './data');
const { loadConfig } = await import('../src/config.ts');
const { startApp } = await import('../src/app.ts');

const app = await startApp(loadConfig(process.env));
process.send?.({ ready: app.url });

process.on('message', async (message: { cmd?: string }) => {
  if (message.cmd === 'memory') {
    // Two passes: the first frees, the second runs finalisers' follow-ups.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
    gc?.();
    const usage = process.memoryUsage();
    process.send?.({ memory: { rss: usage.rss, heapUsed: usage.heapUsed, heapTotal: usage.heapTotal, external: usage.external, arrayBuffers: usage.arrayBuffers } });
  } else if (message.cmd === 'stop') {
    await app.close().catch(() => {});
    process.exit(0);
  }
});
process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)));
