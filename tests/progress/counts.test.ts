import { describe, expect, it } from 'vitest';
import { renderProgressChart } from '../../src/progress/chart.ts';
import { fill } from '../../src/wording/fill.ts';

// Item 9: "how am I doing" counts correctly and shows the leg or arm score.
describe('the progress summary in words', () => {
  it('says "1 session" and "1 time", not "1 sessions"', () => {
    const chart = renderProgressChart({ start: '2026-03-02', days: 7, pain: [{ date: '2026-03-02', score: 6 }], responses: [{ date: '2026-03-02', response: 'centralized' }], stages: [] });
    expect(chart.alt).toContain('In 1 session symptoms moved toward the spine 1 time, spread further out 0 times');
    expect(chart.alt).not.toMatch(/1 sessions|1 times/);
  });

  it('chooses the word by the number in any template', () => {
    expect(fill('{n} {n?night|nights}', { n: 1 })).toBe('1 night');
    expect(fill('{n} {n?night|nights}', { n: 3 })).toBe('3 nights');
  });

  it('draws the leg or arm score as its own line and says how it changed', () => {
    const limb = [{ date: '2026-03-02', score: 7 }, { date: '2026-03-09', score: 4 }];
    const chart = renderProgressChart({ start: '2026-03-02', days: 7, pain: [{ date: '2026-03-02', score: 6 }], responses: [], stages: [], limb });
    const points = [...chart.svg.matchAll(/class="limb-point" data-date="([\d-]+)" data-score="(\d+)"/g)].map((m) => ({ date: m[1], score: Number(m[2]) }));
    expect(points).toEqual(limb);
    expect(chart.svg).toContain('Leg or arm (0–10)');
    expect(chart.alt).toContain('Leg or arm symptoms went from 7 to 4 out of 10.');
  });
});
