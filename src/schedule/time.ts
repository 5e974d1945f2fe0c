/**
 * Local times, IANA zones and calendar days, pure. Every offset comes from the zone database
 * (luxon over Intl), never from hand-rolled arithmetic, so daylight-saving changes keep the
 * person's wall-clock time.
 */
import { DateTime, IANAZone } from 'luxon';

/** A wall-clock time of day, 24-hour. */
export interface LocalTime {
  hour: number;
  minute: number;
}

export const formatLocalTime = (time: LocalTime): string => `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;

export function parseLocalTimeOfDay(text: string): LocalTime | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The zone's canonical spelling ("europe/london" → "Europe/London"), or null when unknown. */
export function canonicalZone(zone: string): string | null {
  const trimmed = zone.trim();
  if (!trimmed || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(trimmed)) return null;
  if (!IANAZone.isValidZone(trimmed)) return null;
  const exact = allZones().find((known) => known.toLowerCase() === trimmed.toLowerCase());
  if (exact) return exact;
  return trimmed === 'UTC' || trimmed.toLowerCase() === 'utc' ? 'UTC' : new IANAZone(trimmed).name;
}

let zoneList: string[] | null = null;
export function allZones(): string[] {
  zoneList ??= [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  return zoneList;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export function localDayOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}

/** Whole days from one local day to another (may be negative). */
export function daysBetween(fromDay: string, toDay: string): number {
  const from = DateTime.fromISO(fromDay, { zone: 'UTC' });
  const to = DateTime.fromISO(toDay, { zone: 'UTC' });
  return Math.round(to.diff(from, 'days').days);
}

export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/**
 * The instant a local day's check-in happens. A time that does not exist that day (clocks jump
 * forward over it) moves forward by the gap, as a person's phone alarm does; a time that happens
 * twice (clocks go back) is the first of the two.
 */
export function instantOn(day: string, time: LocalTime, zone: string): Date {
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  const local = DateTime.fromObject({ year, month, day: dayOfMonth, hour: time.hour, minute: time.minute }, { zone });
  // Every offset the zone has around that day; the wall time may match under one (normal), two
  // (clocks went back: take the earlier instant) or none (clocks jumped: luxon shifts it forward).
  const wall = Date.UTC(year, month - 1, dayOfMonth, time.hour, time.minute);
  const offsets = new Set([local.offset, local.minus({ hours: 6 }).offset, local.plus({ hours: 6 }).offset]);
  const matches = [...offsets]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => {
      const back = DateTime.fromMillis(instant, { zone });
      return back.hour === time.hour && back.minute === time.minute && back.day === dayOfMonth;
    });
  return matches.length ? new Date(Math.min(...matches)) : local.toJSDate();
}

/**
 * The next check-in instant strictly after `after`, on or after local day `notBefore` (the day a
 * pause ends), at the person's local time in their zone.
 */
export function nextDueAt(time: LocalTime, zone: string, after: Date, notBefore?: string | null): Date {
  let day = localDayOf(after, zone);
  if (notBefore && daysBetween(day, notBefore) > 0) day = notBefore;
  for (let i = 0; i < 4; i++) {
    const candidate = instantOn(day, time, zone);
    if (candidate.getTime() > after.getTime() && localDayOf(candidate, zone) === day) return candidate;
    day = addDays(day, 1);
  }
  throw new Error(`no check-in time found for ${formatLocalTime(time)} in ${zone} after ${after.toISOString()}`);
}

/** The local hour of an instant in a zone (for quiet hours). */
export function localHourOf(instant: Date, zone: string): number {
  return DateTime.fromJSDate(instant, { zone }).hour;
}

/** "Monday 30 March, 09:00" style label of an instant in the person's zone. */
export function describeInstant(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).setLocale('en-GB').toFormat("cccc d LLLL, HH:mm");
}
