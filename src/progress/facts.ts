import type { MovementResponse } from '../../dialogs/coaching/index.ts';

/**
 * What a progress chart shows, as plain data: the chart draws it, the alt text and the weekly
 * summary describe it. Dates are the person's local calendar days (YYYY-MM-DD).
 */
export interface ProgressData {
  /** Day 0 of the chart, usually the programme start. */
  start: string;
  /** How many days the x axis spans (at least the last data point). */
  days: number;
  pain: { date: string; score: number }[];
  /** One answer per session (use sessionSummaries from dialogs/coaching for the worst of the day). */
  responses: { date: string; response: MovementResponse }[];
  /** Stages reached, with their names from content (e.g. "Press-ups with your arms"). */
  stages: { date: string; label: string }[];
  /** Leg or arm scores from check-ins, when symptoms reach a limb. */
  limb?: { date: string; score: number }[];
}

export interface ProgressFacts {
  days: number;
  painFirst?: number;
  painLast?: number;
  painChange?: number;
  sessions: number;
  responseCounts: Record<MovementResponse, number>;
  lastStage?: string;
  limbFirst?: number;
  limbLast?: number;
}

export function progressFacts(data: ProgressData): ProgressFacts {
  const pain = [...data.pain].sort((a, b) => a.date.localeCompare(b.date));
  const first = pain[0]?.score;
  const last = pain.at(-1)?.score;
  const responseCounts: Record<MovementResponse, number> = { centralized: 0, peripheralized: 0, no_change: 0, local_only: 0, could_not: 0 };
  for (const r of data.responses) responseCounts[r.response] += 1;
  const lastStage = [...data.stages].sort((a, b) => a.date.localeCompare(b.date)).at(-1)?.label;
  const limb = [...(data.limb ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  return {
    days: data.days,
    ...(first !== undefined ? { painFirst: first } : {}),
    ...(last !== undefined ? { painLast: last } : {}),
    ...(first !== undefined && last !== undefined ? { painChange: last - first } : {}),
    sessions: data.responses.length,
    responseCounts,
    ...(lastStage ? { lastStage } : {}),
    ...(limb.length > 1 ? { limbFirst: limb[0]!.score, limbLast: limb.at(-1)!.score } : {}),
  };
}
