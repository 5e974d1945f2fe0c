import type { Sql } from '../store/database.ts';
import { dueNext, sendCounts } from '../schedule/store.ts';
import { describeInstant } from '../schedule/time.ts';

/** `npm run checkins -- --due-now`: who is due next and how sends went, as lines for a terminal. */
export async function dueReport(db: Sql, limit: number, now = new Date()): Promise<string[]> {
  const rows = await dueNext(db, limit);
  const lines = [`now ${now.toISOString()}; next ${rows.length} due:`];
  for (const row of rows) {
    const due = row.nextDueAt!;
    const state = row.pausedUntil ? ` paused until ${row.pausedUntil}` : '';
    lines.push(`${due.toISOString()}  ${due <= now ? 'DUE ' : '    '} ${row.conversationId}  ${row.localTime} ${row.timeZone} (${describeInstant(due, row.timeZone)})${state}`);
  }
  const stopped = await db.query<{ n: string }>('select count(*) as n from checkin_schedules where stopped_at is not null');
  lines.push(`stopped schedules: ${stopped[0]?.n ?? 0}; sends by status: ${JSON.stringify(await sendCounts(db))}`);
  return lines;
}
