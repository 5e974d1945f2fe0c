import { describe, expect, it } from 'vitest';
import { directionalPreference, emptyProgress, limbReview, painReview, type CoachingProgress, type PainScore } from '../../dialogs/coaching/index.ts';
import { realContent } from './content.ts';

const start = '2026-03-02T09:00:00Z';
const dayAt = (n: number) => new Date(Date.parse(start) + n * 86_400_000).toISOString();
/** A daily pain score for `days` days, from `from` to `to` in a straight line. */
const history = (days: number, from: number, to: number): PainScore[] =>
  Array.from({ length: days + 1 }, (_, d) => ({ at: dayAt(d), score: Math.round(from + ((to - from) * d) / days) }));

describe('the 6- and 12-week pain review', () => {
  it('recommends a clinician review at 6 weeks when pain has stayed flat', () => {
    expect(painReview(history(42, 6, 6), start, dayAt(42))).toMatchObject({ kind: 'review_soon', weeks: 6, baseline: 6, current: 6 });
  });

  it('does not fire at 6 weeks when pain has dropped by 2 points or more', () => {
    expect(painReview(history(42, 7, 4), start, dayAt(42))).toMatchObject({ kind: 'on_track', meaningful: true });
  });

  it('counts a 30 % fall as meaningful even when it is under 2 points', () => {
    // 5 → 3.5 on average is 1.5 points but 30 %.
    const scores = [{ at: dayAt(0), score: 5 }, { at: dayAt(41), score: 3 }, { at: dayAt(42), score: 4 }];
    expect(painReview(scores, start, dayAt(42)).kind).toBe('on_track');
  });

  it('waits until 6 weeks before judging', () => {
    expect(painReview(history(35, 6, 6), start, dayAt(41)).kind).toBe('too_early');
  });

  it('reviews the plan at 12 weeks, and still asks for a clinician when pain never improved', () => {
    expect(painReview(history(84, 7, 2), start, dayAt(84))).toMatchObject({ kind: 'plan_review', planReview: true });
    expect(painReview(history(84, 7, 7), start, dayAt(84))).toMatchObject({ kind: 'review_soon', planReview: true });
  });

  it('asks for a fresh score rather than guessing when none came in the last week', () => {
    expect(painReview(history(20, 6, 6), start, dayAt(42)).kind).toBe('no_recent_score');
  });
});

describe('limb symptoms over a week', () => {
  it('refers soon when leg symptoms rose by 2 points over the week', () => {
    const scores = [3, 3, 4, 4, 5, 5, 5].map((score, d) => ({ at: dayAt(d), score }));
    expect(limbReview(scores, dayAt(6))).toMatchObject({ kind: 'refer_soon', from: { score: 3 }, to: { score: 5 } });
  });

  it('does not refer on one bad day after a good run', () => {
    expect(limbReview([{ at: dayAt(0), score: 3 }, { at: dayAt(6), score: 4 }], dayAt(6)).kind).toBe('ok');
    expect(limbReview([{ at: dayAt(5), score: 2 }, { at: dayAt(6), score: 5 }], dayAt(6)).kind).toBe('ok');
  });
});

describe('directional preference', () => {
  const { exercises } = realContent();
  const answer = (exerciseId: string, stageId: string, response: CoachingProgress['responses'][number]['response'], day: number) => ({
    exerciseId, stageId, response, sessionDate: dayAt(day).slice(0, 10), at: dayAt(day),
  });

  it('is extension when the extension exercises draw the symptoms back', () => {
    const progress = { ...emptyProgress(), responses: [answer('prone-extension', 'prone-lying', 'centralized', 0), answer('prone-extension', 'prone-lying', 'centralized', 1)] };
    expect(directionalPreference(progress, exercises).preference).toBe('extension');
  });

  it('is unknown with no history, and when the last try spread the symptoms', () => {
    expect(directionalPreference(emptyProgress(), exercises).preference).toBe('unknown');
    const progress = { ...emptyProgress(), responses: [answer('prone-extension', 'prone-lying', 'centralized', 0), answer('prone-extension', 'prone-lying', 'peripheralized', 1)] };
    expect(directionalPreference(progress, exercises).preference).toBe('unknown');
  });

  it('ignores core and walking answers, which say nothing about direction', () => {
    const progress = { ...emptyProgress(), responses: [answer('walking', 'short-walks', 'centralized', 0), answer('dying-bug', 'legs-only', 'centralized', 1)] };
    expect(directionalPreference(progress, exercises)).toEqual({ preference: 'unknown', evidence: [] });
  });
});
