import type { Sql } from '../store/database.ts';
import { dueNext, sendCounts, stoppedSchedules } from '../schedule/store.ts';
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
  lines.push(`stopped schedules: ${await stoppedSchedules(db)}; sends by status: ${JSON.stringify(await sendCounts(db))}`);
  return lines;
}
