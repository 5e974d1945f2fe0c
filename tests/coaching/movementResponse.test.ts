import { describe, expect, it } from 'vitest';
import {
  addDays,
  applyMovementResponse,
  emptyProgress,
  sessionPlan,
  type CoachingProfile,
  type CoachingProgress,
  type MovementAnswer,
  type MovementResponse,
} from '../../dialogs/coaching/index.ts';
import { realContent } from './content.ts';

const content = realContent();
const prone = content.exercises['prone-extension']!;
// Symptoms started well before the programme, no surgery: the ongoing lumbar plan.
const lumbar: CoachingProfile = { region: 'lumbar', surgery: 'none', symptomsStartedOn: '2026-02-01' };
const day1 = '2026-03-02';

function proneStageOn(progress: CoachingProgress, today: string): string | undefined {
  return sessionPlan(lumbar, progress, content, today).steps.find((s) => s.exerciseId === 'prone-extension')?.stageId;
}

/** Do the prone exercise at whatever stage today's plan offers and answer with `response`. */
function session(progress: CoachingProgress, today: string, response: MovementResponse, extra: Partial<MovementAnswer> = {}) {
  const stageId = proneStageOn(progress, today);
  if (!stageId) throw new Error(`prone-extension not offered on ${today}`);
  return applyMovementResponse(progress, { exerciseId: 'prone-extension', stageId, response, sessionDate: today, at: `${today}T09:00:00Z`, ...extra }, prone);
}

describe('a lumbar person doing the prone extension progression', () => {
  it('moves from lying face down to elbows to press-ups as centralization holds over sessions', () => {
    let progress = emptyProgress();
    const offered: string[] = [];
    for (let day = 0; day < 6; day++) {
      const today = addDays(day1, day);
      offered.push(proneStageOn(progress, today)!);
      progress = session(progress, today, day % 2 === 0 ? 'centralized' : 'local_only').progress;
    }
    expect(offered).toEqual(['prone-lying', 'prone-lying', 'prone-on-elbows', 'prone-on-elbows', 'press-ups', 'press-ups']);
  });

  it('says so on the answer that earns the next stage, but keeps today at the current one', () => {
    const progress = session(emptyProgress(), day1, 'centralized').progress;
    const day2 = addDays(day1, 1);
    const { progress: after, decision } = session(progress, day2, 'centralized');
    expect(decision).toEqual({ kind: 'continue', exerciseId: 'prone-extension', stageId: 'prone-lying', progressNextSession: true, nextStageId: 'prone-on-elbows' });
    // Another set later the same day is still lying face down.
    expect(proneStageOn(after, day2)).toBe('prone-lying');
    expect(proneStageOn(after, addDays(day2, 1))).toBe('prone-on-elbows');
  });

  it('does not progress when the sessions in between showed no change', () => {
    let progress = session(emptyProgress(), day1, 'centralized').progress;
    progress = session(progress, addDays(day1, 1), 'no_change').progress;
    const { decision } = session(progress, addDays(day1, 2), 'centralized');
    expect(decision).toMatchObject({ kind: 'continue', progressNextSession: false });
    expect(proneStageOn(progress, addDays(day1, 3))).toBe('prone-lying');
  });

  it('stops and goes back one stage in the same turn when the leg symptoms spread, and retries another day', () => {
    const onElbows: CoachingProgress = { ...emptyProgress(), stages: { 'prone-extension': { stageId: 'prone-on-elbows' } } };
    const { progress, decision } = session(onElbows, day1, 'peripheralized');
    expect(decision).toEqual({ kind: 'stop_and_regress', exerciseId: 'prone-extension', fromStageId: 'prone-on-elbows', toStageId: 'prone-lying', retryOn: addDays(day1, 1) });
    expect(proneStageOn(progress, day1)).toBeUndefined();
    expect(proneStageOn(progress, addDays(day1, 1))).toBe('prone-lying');
    // Other exercises in the session carry on.
    expect(sessionPlan(lumbar, progress, content, day1).steps.map((s) => s.exerciseId)).toContain('dying-bug');
  });

  it('stops everything at once when tingling reaches the toes', () => {
    const { progress, decision } = session(emptyProgress(), day1, 'peripheralized', { toesOrFingers: true });
    expect(decision.kind).toBe('stop_now');
    const today = sessionPlan(lumbar, progress, content, day1);
    expect(today.stoppedToday).toBe(true);
    expect(today.steps).toEqual([]);
    expect(sessionPlan(lumbar, progress, content, addDays(day1, 1)).steps.length).toBeGreaterThan(0);
  });

  it('treats toes tingling as stop-now even if the person picked another answer', () => {
    expect(session(emptyProgress(), day1, 'no_change', { toesOrFingers: true }).decision.kind).toBe('stop_now');
  });

  it('asks for a clinician review soon after peripheralization in two different sessions', () => {
    const first = session(emptyProgress(), day1, 'peripheralized');
    expect(first.decision.kind).toBe('stop_and_regress');
    const day3 = addDays(day1, 2);
    const second = session(first.progress, day3, 'peripheralized');
    expect(second.decision).toMatchObject({ kind: 'refer_soon', reason: 'peripheralized_in_two_sessions', stopSession: false, peripheralizedOn: [day1, day3] });
  });

  it('does not refer when both spreading answers came in one session', () => {
    const dying = content.exercises['dying-bug']!;
    const first = session(emptyProgress(), day1, 'peripheralized');
    const again = applyMovementResponse(
      first.progress,
      { exerciseId: 'dying-bug', stageId: 'legs-only', response: 'peripheralized', sessionDate: day1, at: `${day1}T09:10:00Z` },
      dying,
    );
    expect(again.decision.kind).toBe('stop_and_regress');
  });

  it('rests the exercise a day or two when pain stops the person propping on the elbows', () => {
    const onElbows: CoachingProgress = { ...emptyProgress(), stages: { 'prone-extension': { stageId: 'prone-on-elbows' } } };
    const { progress, decision } = session(onElbows, day1, 'could_not');
    expect(decision).toEqual({ kind: 'rest_days', exerciseId: 'prone-extension', stageId: 'prone-on-elbows', retryOn: addDays(day1, 2) });
    expect(proneStageOn(progress, addDays(day1, 1))).toBeUndefined();
    expect(proneStageOn(progress, addDays(day1, 2))).toBe('prone-on-elbows');
  });

  it('records every answer in the history', () => {
    let progress = session(emptyProgress(), day1, 'centralized').progress;
    progress = session(progress, day1, 'local_only').progress;
    expect(progress.responses.map((r) => r.response)).toEqual(['centralized', 'local_only']);
    expect(JSON.parse(JSON.stringify(progress))).toEqual(progress);
  });
});
