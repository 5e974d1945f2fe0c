import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDataDir } from '../helpers/databases.ts';
import { openDatabase } from '../../src/store/open.ts';
import type { Database } from '../../src/store/database.ts';

describe('the embedded store on its own thread', () => {
  let db: Database;
  let data: ReturnType<typeof freshDataDir>;
  beforeEach(async () => {
    data = freshDataDir();
    db = await openDatabase({ dataDir: data.dir });
    await db.query('create table notes (id text primary key, body text not null)');
  });
  afterEach(async () => {
    await db.close();
    data.remove();
  });

  it('statements sent at once each get their own answer: one failing undoes only itself', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `n${i % 25}`); // five ids twice
    const outcomes = await Promise.allSettled(ids.map((id, i) => db.query('insert into notes (id, body) values ($1, $2) returning id', [id, `body ${i}`])));
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused).toHaveLength(5);
    for (const outcome of refused) expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: '23505' });
    const rows = await db.query<{ n: number }>('select count(*)::int as n from notes');
    expect(rows[0]!.n).toBe(25);
  });

  it('a transaction that fails leaves nothing, and statements sent meanwhile still land', async () => {
    const failing = db.transaction(async (tx) => {
      await tx.query('insert into notes (id, body) values ($1, $2)', ['t1', 'inside']);
      throw new Error('changed my mind');
    });
    const beside = db.query('insert into notes (id, body) values ($1, $2)', ['b1', 'beside']);
    await expect(failing).rejects.toThrow('changed my mind');
    await beside;
    const rows = await db.query<{ id: string }>('select id from notes order by id');
    expect(rows.map((r) => r.id)).toEqual(['b1']);
  });

  it('answers with the PostgreSQL error of a statement it rejects, and keeps serving', async () => {
    await expect(db.query('select * from no_such_table where id = $1', ['x'])).rejects.toMatchObject({ code: '42P01' });
    expect(await db.query<{ one: number }>('select 1 as one where $1::int = 1', [1])).toEqual([{ one: 1 }]);
  });
});
