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
  /** The leg or arm score line (the main outcome in sciatica). */
  limbLegend: string;
  painLegend: string;
  altLimb: string;
  /** The Patient-Specific Functional Scale, in the summary text. */
  psfsIntro: string;
  psfsItem: string;
  /** Month names for the dates on the axis ("9 Mar"). */
  months: string[];
  noSessions: string;
  noStage: string;
}

export const defaultChartLabels: ChartLabels = {
  title: 'Your progress over {days} {days?day|days}',
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
  altPain: 'Pain went from {first} to {last} out of 10 over {days} {days?day|days}.',
  altNoPain: 'No pain scores recorded yet.',
  altResponses:
    'In {sessions} {sessions?session|sessions} symptoms moved toward the spine {centralized} {centralized?time|times}, spread further out {peripheralized} {peripheralized?time|times}, and showed no change {no_change} {no_change?time|times}.',
  altStage: 'Latest stage reached: {stage}.',
  limbLegend: 'Leg or arm (0–10)',
  painLegend: 'Pain (0–10)',
  altLimb: 'Leg or arm symptoms went from {first} to {last} out of 10.',
  psfsIntro: 'The activities you named:',
  psfsItem: '{activity} {first} to {last} out of 10',
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  noSessions: 'No sessions yet.',
  noStage: 'None yet.',
};
