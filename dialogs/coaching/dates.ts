import type { Instant, IsoDate } from './types.ts';

/**
 * Calendar arithmetic on plain dates. A local date carries no time zone, so doing the maths in
 * UTC is exact (no daylight-saving jumps); the shell decides which local day "today" is.
 */

const dayMs = 86_400_000;

function toUtcMs(date: IsoDate): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return ms;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(toUtcMs(date) + days * dayMs).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / dayMs);
}

export function daysBetweenInstants(from: Instant, to: Instant): number {
  return (Date.parse(to) - Date.parse(from)) / dayMs;
}
