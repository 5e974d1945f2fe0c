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
}

export const defaultChartLabels: ChartLabels = {
  title: 'Your progress over {days} days',
  painAxis: 'Pain (0–10)',
  dayAxis: 'Days since you started',
  startTick: 'Start',
  week: 'Week {n}',
  responsesRow: 'After exercise',
  stagesRow: 'Stage reached',
  responseLetter: { centralized: 'C', local_only: 'L', no_change: 'N', could_not: 'X', peripheralized: 'P' },
  responseName: {
    centralized: 'moved toward spine',
    local_only: 'only local soreness',
    no_change: 'no change',
    could_not: 'could not do it',
    peripheralized: 'spread further out',
  },
  altPain: 'Pain went from {first} to {last} out of 10 over {days} days.',
  altNoPain: 'No pain scores recorded yet.',
  altResponses: 'In {sessions} sessions symptoms moved toward the spine {centralized} times, spread further out {peripheralized} times, and showed no change {no_change} times.',
  altStage: 'Latest stage reached: {stage}.',
};

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
