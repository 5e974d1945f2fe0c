/** Times as the clinic reads them: in CLINIC_TIME_ZONE, today's as a time, older ones with the day. */

export interface ClinicClock {
  zone: string;
  /** "09:03" today, "Mon 2 Mar, 09:03" another day (in the clinic's zone). */
  time(iso: string, now: Date): string;
  /** Full date and time with the zone's short name, for titles and tooltips. */
  full(iso: string): string;
}

export function clinicClock(zone: string): ClinicClock {
  const hm = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const dayHm = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const full = new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
  const zoneName = (date: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' }).formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? zone;
  return {
    zone,
    time(iso, now) {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return '';
      return day.format(date) === day.format(now) ? hm.format(date) : dayHm.format(date);
    },
    full(iso) {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? '' : `${full.format(date)} ${zoneName(date)}`;
    },
  };
}
