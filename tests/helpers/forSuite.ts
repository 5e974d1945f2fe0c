import { afterAll, beforeAll } from 'vitest';

/**
 * What `start` makes, for the describe block this is called in: made before its first test and
 * stopped after its last. The handle reads what is running, so use it inside tests and hooks.
 */
export function forSuite<T extends { stop(): Promise<void> }>(start: () => Promise<T>): T {
  let running: T | undefined;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(async () => {
    await running?.stop();
  });
  return new Proxy({} as T, {
    get(_target, key) {
      if (!running) throw new Error(`${String(key)}: used before the suite's set-up ran (use it inside a test or a hook)`);
      const value: unknown = Reflect.get(running, key);
      return typeof value === 'function' ? value.bind(running) : value;
    },
  });
}
