import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays, type MovementResponse } from '../../dialogs/coaching/index.ts';
import { renderProgressChart } from '../../src/progress/chart.ts';
import type { ProgressData } from '../../src/progress/facts.ts';
import { pngSize, svgToPng } from '../../src/progress/png.ts';

const start = '2026-03-02';
/** Six weeks of daily pain falling from 7 to 3, a session every other day, two stage changes. */
function sixWeeks(): ProgressData {
  const pain = Array.from({ length: 43 }, (_, d) => ({ date: addDays(start, d), score: Math.round(7 - (4 * d) / 42) }));
  const pattern: MovementResponse[] = ['no_change', 'centralized', 'centralized', 'peripheralized', 'local_only', 'centralized', 'could_not'];
  const responses = Array.from({ length: 21 }, (_, i) => ({ date: addDays(start, i * 2), response: pattern[i % pattern.length]! }));
  const stages = [
    { date: addDays(start, 4), label: 'Propped on your elbows' },
    { date: addDays(start, 18), label: 'Press-ups with your arms' },
  ];
  return { start, days: 42, pain, responses, stages };
}

describe('the progress chart', () => {
  it('draws every pain score, every session answer and every stage reached', () => {
    const data = sixWeeks();
    const { svg } = renderProgressChart(data);
    const points = [...svg.matchAll(/class="pain-point" data-date="([\d-]+)" data-score="(\d+)"/g)].map((m) => ({ date: m[1], score: Number(m[2]) }));
    expect(points).toEqual(data.pain);
    const answers = [...svg.matchAll(/class="response" data-date="([\d-]+)" data-response="(\w+)"/g)].map((m) => ({ date: m[1], response: m[2] }));
    expect(answers).toEqual(data.responses);
    expect(svg).toContain('Press-ups with your arms');
    // Meaning is in letters, not colour alone: each answer has its letter, and the legend names it.
    expect(svg).toMatch(/>P<\/text>[\s\S]*>spread further out<\/text>/);
  });

  it('has a title and an alt text that says the same thing in words', () => {
    const chart = renderProgressChart(sixWeeks());
    expect(chart.title).toBe('Your progress over 42 days');
    expect(chart.alt).toBe(
      'Pain went from 7 to 3 out of 10 over 42 days. In 21 sessions symptoms moved toward the spine 9 times, spread further out 3 times, and showed no change 3 times. Latest stage reached: Press-ups with your arms.',
    );
    expect(chart.svg).toContain(`<desc id="chart-desc">${chart.alt}</desc>`);
  });

  it('escapes stage names so content cannot break the SVG', () => {
    const data = { ...sixWeeks(), stages: [{ date: start, label: 'Rows <light> & "easy"' }] };
    expect(renderProgressChart(data).svg).toContain('Rows &lt;light&gt; &amp; &quot;easy&quot;');
  });

  it('renders a 6-week history to a PNG of the declared size', () => {
    const chart = renderProgressChart(sixWeeks());
    const png = svgToPng(chart.svg);
    expect(pngSize(png)).toEqual({ width: chart.width, height: chart.height });
    // Text was drawn: a chart with text is much bigger than the same chart with text stripped.
    const withoutText = svgToPng(chart.svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''));
    expect(png.length).toBeGreaterThan(withoutText.length * 1.2);
    if (process.env.CHART_PNG) writeFileSync(process.env.CHART_PNG, png);
  });

  it('still renders with no data yet', () => {
    const chart = renderProgressChart({ start, days: 7, pain: [], responses: [], stages: [] });
    expect(chart.alt).toBe('No pain scores recorded yet.');
    expect(pngSize(svgToPng(chart.svg))).toEqual({ width: chart.width, height: chart.height });
  });
});
