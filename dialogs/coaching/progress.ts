import { newlyAtEnd } from './reach.ts';
import type { CoachingProgress, Exercise, IsoDate, MovementResponse, ResponseEntry, StageState } from './types.ts';

/** A person who has not exercised yet. */
export function emptyProgress(): CoachingProgress {
  return { stages: {}, responses: [], restUntil: {} };
}

/** The stage to offer on `today`: the stored one, or the earned next one once its day has come. */
export function stageForDay(progress: CoachingProgress, exercise: Pick<Exercise, 'id' | 'stages'>, today: IsoDate): string {
  const state = progress.stages[exercise.id];
  const first = exercise.stages[0]?.id ?? '';
  if (!state) return first;
  const id = state.next && state.next.from <= today ? state.next.stageId : state.stageId;
  // A stage removed from the content since it was stored: start again from the gentlest.
  return exercise.stages.some((s) => s.id === id) ? id : first;
}

/** Worst first: one peripheralization makes the whole session count as peripheralized. */
const severity: Record<MovementResponse, number> = {
  peripheralized: 4,
  could_not: 3,
  no_change: 2,
  local_only: 1,
  centralized: 0,
};

/** Symptoms spread further: said so, or newly reaching the toes or fingers (already there before the set does not count). */
export function isPeripheralization(entry: Pick<ResponseEntry, 'response' | 'toesOrFingers' | 'reachBefore'>): boolean {
  return entry.response === 'peripheralized' || newlyAtEnd(entry);
}

/** Centralization, or only local soreness: the answers that let a stage progress. */
export function isGoodResponse(response: MovementResponse): boolean {
  return response === 'centralized' || response === 'local_only';
}

export interface SessionSummary {
  sessionDate: IsoDate;
  /** The worst response in the session; newly spreading to toes or fingers counts as peripheralized. */
  response: MovementResponse;
}

/** One summary per session day, oldest first, for the entries that match `filter`. */
export function sessionSummaries(entries: readonly ResponseEntry[], filter: (e: ResponseEntry) => boolean = () => true): SessionSummary[] {
  const byDay = new Map<IsoDate, MovementResponse>();
  for (const entry of entries) {
    if (!filter(entry)) continue;
    const response: MovementResponse = isPeripheralization(entry) ? 'peripheralized' : entry.response;
    const earlier = byDay.get(entry.sessionDate);
    if (earlier === undefined || severity[response] > severity[earlier]) byDay.set(entry.sessionDate, response);
  }
  return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([sessionDate, response]) => ({ sessionDate, response }));
}

/** The record for one exercise, replaced immutably. */
export function withStage(progress: CoachingProgress, exerciseId: string, state: StageState): CoachingProgress {
  return { ...progress, stages: { ...progress.stages, [exerciseId]: state } };
}

/** Discharge moves the person onto the maintenance plan. */
export function markDischarged(progress: CoachingProgress, on: IsoDate): CoachingProgress {
  return { ...progress, dischargedOn: on };
}
