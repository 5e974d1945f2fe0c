/** The surgeon's lifting limit over time: when it is asked again (6 and 12 weeks after the operation, then every 6 weeks). Pure. */
import type { Profile } from '../../types.ts';

const DAY = 86_400_000;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The operation's day, from the day it was asked and how long ago it was. */
export function surgeryDay(profile: Profile): string | undefined {
  if (profile.daysSinceSurgery === undefined || !profile.surgeryAskedOn) return undefined;
  return addDays(profile.surgeryAskedOn, -profile.daysSinceSurgery);
}

/** The next review of the limit after `today`: the first review week still ahead, else six weeks from today. */
export function liftingLimitUntil(profile: Profile, today: string, reviewWeeks: number[]): string {
  const operated = surgeryDay(profile);
  if (operated) {
    for (const weeks of [...reviewWeeks].sort((a, b) => a - b)) {
      const review = addDays(operated, weeks * 7);
      if (review > today) return review;
    }
  }
  return addDays(today, 42);
}
