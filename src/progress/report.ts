import type { StoredEvent } from '../store/events.ts';
import type { Content } from '../content/index.ts';
import { sessionSummaries, type MovementResponse } from '../../dialogs/coaching/index.ts';
import { renderProgressChart } from './chart.ts';
import { svgToPng } from './png.ts';
import type { ProgressData } from './facts.ts';
import { defaultChartLabels } from './labels.ts';
import { fill } from '../wording/fill.ts';

/** The clinical events the report reads (the shell lists only these). */
export const progressEventTypes = ['pain.score', 'movement.response', 'limb.score', 'psfs.score'];

export interface ProgressReport {
  text: string;
  image: { png: Buffer; alt: string; title: string };
}

const day = (iso: string) => iso.slice(0, 10);

/**
 * The person's progress from the clinical log: pain trend, the worst answer of each session
 * and the stages reached, drawn as a chart with its alt text, plus the plain summary.
 */
export function progressReport(events: StoredEvent[], content: Content): ProgressReport {
  const pain = events.filter((e) => e.type === 'pain.score' && typeof e.data.score === 'number').map((e) => ({ date: day(e.at), score: e.data.score as number }));
  const answers = events
    .filter((e) => e.type === 'movement.response')
    .map((e) => ({ exerciseId: String(e.data.exerciseId), stageId: String(e.data.stageId), response: e.data.response as MovementResponse, sessionDate: day(e.at), at: e.at }));
  const responses = sessionSummaries(answers).map((session) => ({ date: session.sessionDate, response: session.response }));
  const stages = answers
    .filter((a) => a.response === 'centralized' || a.response === 'local_only')
    .map((a) => {
      const exercise = content.exercises.byId[a.exerciseId];
      return { date: a.sessionDate, label: exercise?.stages.find((s) => s.id === a.stageId)?.name ?? exercise?.name ?? a.stageId };
    });
  const limb = events.filter((e) => e.type === 'limb.score' && typeof e.data.score === 'number').map((e) => ({ date: day(e.at), score: e.data.score as number }));
  const dates = [...pain.map((p) => p.date), ...responses.map((r) => r.date), ...limb.map((l) => l.date)].sort();
  const start = dates[0] ?? day(new Date(0).toISOString());
  const last = dates.at(-1) ?? start;
  const days = Math.max(7, Math.round((Date.parse(last) - Date.parse(start)) / 86_400_000) + 1);
  const data: ProgressData = { start, days, pain, responses, stages, ...(limb.length ? { limb } : {}) };
  const chart = renderProgressChart(data);
  const psfs = psfsText(events);
  return { text: psfs ? `${chart.alt} ${psfs}` : chart.alt, image: { png: svgToPng(chart.svg), alt: chart.alt, title: chart.title } };
}

/** The activities the person named for the PSFS, with their first and latest scores. */
function psfsText(events: StoredEvent[]): string {
  const activities = new Map<number, { activity: string; scores: number[] }>();
  for (const e of events.filter((e) => e.type === 'psfs.score' && typeof e.data.score === 'number')) {
    const index = Number(e.data.activityIndex ?? activities.size);
    const item = activities.get(index) ?? { activity: typeof e.data.activity === 'string' ? e.data.activity : '', scores: [] };
    item.scores.push(e.data.score as number);
    activities.set(index, item);
  }
  const scored = [...activities.values()].filter((a) => a.activity && a.scores.length);
  if (!scored.length) return '';
  const labels = defaultChartLabels;
  return `${labels.psfsIntro} ${scored.map((a) => fill(labels.psfsItem, { activity: a.activity, first: a.scores[0]!, last: a.scores.at(-1)! })).join('; ')}.`;
}
