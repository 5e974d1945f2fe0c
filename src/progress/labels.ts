import type { MovementResponse } from '../../dialogs/coaching/index.ts';

/**
 * Words on the chart. English defaults here so the chart works on its own; the bot can pass
 * labels loaded from content to change or translate them. `{name}` marks a value.
 */
export interface ChartLabels {
  title: string;
  painAxis: string;
  dayAxis: string;
  startTick: string;
  week: string;
  responsesRow: string;
  stagesRow: string;
  /** Letter drawn in each response marker, so the meaning never rests on colour alone. */
  responseLetter: Record<MovementResponse, string>;
  responseName: Record<MovementResponse, string>;
  altPain: string;
  altNoPain: string;
  altResponses: string;
  altStage: string;
  /** Month names for the dates on the axis ("9 Mar"). */
  months: string[];
  /** Singular and plural words, so one session reads "1 session". */
  day: { one: string; other: string };
  session: { one: string; other: string };
  time: { one: string; other: string };
  noSessions: string;
  noStage: string;
}

export const defaultChartLabels: ChartLabels = {
  title: 'Your progress over {days} {daysWord}',
  painAxis: 'Pain (0–10)',
  dayAxis: 'Days since you started',
  startTick: 'Start',
  week: 'Week {n}',
  responsesRow: 'After each session',
  stagesRow: 'Stage reached',
  responseLetter: { centralized: 'C', local_only: 'L', no_change: 'N', could_not: 'X', peripheralized: 'P' },
  responseName: {
    centralized: 'moved toward spine',
    local_only: 'only local soreness',
    no_change: 'no change',
    could_not: 'could not do it',
    peripheralized: 'spread further out',
  },
  altPain: 'Pain went from {first} to {last} out of 10 over {days} {daysWord}.',
  altNoPain: 'No pain scores recorded yet.',
  altResponses:
    'In {sessions} {sessionsWord} symptoms moved toward the spine {centralized} {centralizedTimes}, spread further out {peripheralized} {peripheralizedTimes}, and showed no change {no_change} {no_changeTimes}.',
  altStage: 'Latest stage reached: {stage}.',
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  day: { one: 'day', other: 'days' },
  session: { one: 'session', other: 'sessions' },
  time: { one: 'time', other: 'times' },
  noSessions: 'No sessions yet.',
  noStage: 'None yet.',
};

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
