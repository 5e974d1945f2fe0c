import { afterEach, beforeEach } from 'vitest';
import type { Database } from '../../src/store/database.ts';
import type { TestEngine } from './databases.ts';

/** A fresh, migrated store of `engine` for each test of the block this is called in, closed after it. */
export function storePerTest(engine: TestEngine, use: (db: Database) => void): void {
  let dispose: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const opened = await engine.open();
    dispose = opened.dispose;
    use(opened.db);
  });
  afterEach(async () => {
    await dispose?.();
  });
}
