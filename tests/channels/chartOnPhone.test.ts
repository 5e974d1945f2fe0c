/**
 * The progress chart as a person sees it on a phone: Web Chat and Teams draw the picture about
 * 340 px wide, so its type must still be readable there, its axis must say dates, each panel
 * must hold one idea, and its words must be right for one session as for many.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, type MovementResponse } from '../../dialogs/coaching/index.ts';
import { minFontSize, renderProgressChart } from '../../src/progress/chart.ts';
import { pngSize, svgToPng } from '../../src/progress/png.ts';

const PHONE_IMAGE_WIDTH = 340;
const start = '2026-03-02';

function weeks(n: number) {
  const days = n * 7;
  const pain = Array.from({ length: days + 1 }, (_, d) => ({ date: addDays(start, d), score: Math.round(7 - (4 * d) / days) }));
  const pattern: MovementResponse[] = ['no_change', 'centralized', 'centralized', 'peripheralized', 'local_only', 'centralized', 'could_not'];
  const responses = Array.from({ length: Math.floor(days / 2) }, (_, i) => ({ date: addDays(start, i * 2), response: pattern[i % pattern.length]! }));
  const stages = [
    { date: addDays(start, 4), label: 'Propped on your elbows' },
    { date: addDays(start, 18), label: 'Press-ups with your arms' },
  ];
  const limb = Array.from({ length: n + 1 }, (_, w) => ({ date: addDays(start, w * 7), score: Math.max(0, 8 - w * 2) }));
  return { start, days, pain, responses, stages, limb };
}

describe('the progress chart on a phone', () => {
  it('no text is smaller than about 12 px when the picture is shown 340 px wide', () => {
    const chart = renderProgressChart(weeks(6));
    const sizes = [...chart.svg.matchAll(/font-size="(\d+(?:\.\d+)?)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(20);
    const scale = PHONE_IMAGE_WIDTH / chart.width;
    expect(Math.min(...sizes) * scale).toBeGreaterThanOrEqual(12);
    expect(minFontSize * scale).toBeGreaterThanOrEqual(12);
  });

  it('puts dates on the axis, not week numbers', () => {
    const { svg } = renderProgressChart(weeks(6));
    const ticks = [...svg.matchAll(/class="date-tick"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(ticks[0]).toBe('2 Mar');
    expect(ticks).toContain('16 Mar');
    expect(ticks.every((tick) => /^\d{1,2} [A-Z][a-z]{2}$/.test(tick!))).toBe(true);
    // Few enough that they never run into each other on a narrow picture.
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(svg).not.toMatch(/>Week \d/);
  });

  it('one idea per panel: pain, what happened after each session, stages reached, each under its own heading', () => {
    const { svg } = renderProgressChart(weeks(6));
    const headings = [...svg.matchAll(/font-size="24" fill="[^"]+" font-weight="bold">([^<]+)</g)].map((m) => m[1]);
    expect(headings).toEqual(['Pain (0–10)', 'After each session', 'Stage reached']);
    // The stages are a panel of their own, not lines drawn through the pain plot.
    expect(svg).not.toMatch(/<line class="stage"/);
    expect(svg).toContain('20 Mar: Press-ups with your arms');
  });

  it('reads right for one session and one day', () => {
    const one = renderProgressChart({ start, days: 1, pain: [{ date: start, score: 5 }], responses: [{ date: start, response: 'centralized' }], stages: [] });
    expect(one.alt).toContain('In 1 session symptoms moved toward the spine 1 time, spread further out 0 times');
    expect(one.title).toBe('Your progress over 1 day');
    const many = renderProgressChart(weeks(6));
    expect(many.alt).toContain('In 21 sessions');
  });

  it('renders to a PNG of its declared size (written to tests/browser/output for a look)', () => {
    const chart = renderProgressChart(weeks(6));
    const png = svgToPng(chart.svg);
    expect(pngSize(png)).toEqual({ width: chart.width, height: chart.height });
    const out = join(import.meta.dirname, '../browser/output');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'progress-chart.png'), png);
  });
});
