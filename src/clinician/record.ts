/**
 * Everything the console shows about one person, assembled from the stored conversation and the
 * append-only clinical log. Pure apart from the two reads at the top.
 */
import type { Content } from '../content/index.ts';
import type { Database } from '../store/database.ts';
import { listEvents, type StoredEvent } from '../store/events.ts';
import { readConversation } from '../store/conversations.ts';
import { directionalPreference, sessionSummaries, type MovementResponse, type ResponseEntry } from '../../dialogs/coaching/index.ts';
import { renderProgressChart, type Chart } from '../progress/chart.ts';
import { defaultChartLabels } from '../progress/labels.ts';
import type { CoachContext } from '../../dialogs/types.ts';

export interface TranscriptEntry {
  at: string;
  /** `statement`: the person's own account of an assessment (it may lift an urgent hold); `event`: a clinician's recorded decision. */
  from: 'person' | 'bot' | 'clinician' | 'note' | 'statement' | 'event';
  who?: string;
  text: string;
  problem?: string;
}

export interface PatientRecord {
  conversationId: string;
  state: string;
  screening: { question: string; answer: string; at: string }[];
  redFlags: { at: string; flagId: string; label: string; urgency: string; words: string }[];
  pain: { at: string; score: number; context: string }[];
  chart: Chart | null;
  movement: { exercise: string; stage: string; responses: { date: string; response: string; toesOrFingers: boolean }[] }[];
  directionalPreference: { preference: string; evidence: string[] };
  adherence: { programmeStart: string | null; days: number; sessionDays: number; sessionsStarted: number; sessionsFinished: number; checkIns: number };
  exerciseOnHold: boolean;
  transcript: TranscriptEntry[];
}

const day = (iso: string) => iso.slice(0, 10);

function stateName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const [key, inner] = Object.entries(value as Record<string, unknown>)[0] ?? [];
    return key ? `${key}.${stateName(inner)}` : '';
  }
  return '';
}

export async function loadRecord(db: Database, content: Content, conversationId: string, now: Date): Promise<PatientRecord | null> {
  const row = await readConversation(db, conversationId);
  if (!row) return null;
  const events = await listEvents(db, conversationId, { limit: 5000 });
  return buildRecord(conversationId, row.conversation.value, row.conversation.context, events, content, now);
}

export function transcriptOf(events: StoredEvent[]): TranscriptEntry[] {
  return events.flatMap((event): TranscriptEntry[] => {
    const text = String(event.data.text ?? '');
    switch (event.type) {
      case 'message.received':
        return [{ at: event.at, from: 'person', text }];
      case 'message.sent':
        return [{ at: event.at, from: 'bot', text }];
      case 'clinician.message':
        return [{ at: event.at, from: 'clinician', who: String(event.data.clinician ?? ''), text, ...(event.data.delivered === false ? { problem: String(event.data.problem ?? 'not delivered') } : {}) }];
      case 'clinician.note':
        return [{ at: event.at, from: 'note', who: String(event.data.clinician ?? ''), text }];
      case 'clinician.cleared':
        return [{ at: event.at, from: 'event', who: String(event.data.clinician ?? ''), text: `Cleared this ${String(event.data.urgency ?? '')} case for exercise, confirmed. Reason: ${String(event.data.reason ?? '')}` }];
      case 'clinician.assessed':
        // A clinician's hand-back records it with `by`/`outcome`; the person's own statement has their words or answers.
        if (event.data.outcome !== undefined) return [];
        return [{ at: event.at, from: 'statement', text: statementText(event.data) }];
      default:
        return [];
    }
  });
}

/** The person's statement that a clinician assessed them, in whatever detail it was given. */
function statementText(data: Record<string, unknown>): string {
  const parts: string[] = [];
  const words = typeof data.words === 'string' ? data.words : typeof data.text === 'string' ? data.text : '';
  if (words) parts.push(`"${words}"`);
  for (const [key, label] of [['seenBy', 'seen by'], ['seenAt', 'seen on'], ['when', 'when'], ['exerciseAdvice', 'told about exercise'], ['toldExerciseOk', 'told exercise is fine']] as const) {
    const value = data[key];
    if (value !== undefined && value !== null && value !== '') parts.push(`${label}: ${typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value)}`);
  }
  const lifted = data.holdLifted === true ? ' The exercise hold was lifted on this statement.' : '';
  return `The person said a clinician has assessed them${parts.length ? `: ${parts.join('; ')}` : ''}.${lifted}`;
}

export function buildRecord(conversationId: string, value: unknown, context: CoachContext, events: StoredEvent[], content: Content, now: Date): PatientRecord {
  const labels = content.conversation.labels;
  const screening = events
    .filter((e) => e.type === 'screening.answer')
    .map((e) => {
      const question = String(e.data.question ?? '');
      const raw = String(e.data.value ?? '');
      return { question, answer: labels[question]?.[raw] ?? raw, at: e.at };
    });
  for (const e of events.filter((e) => e.type === 'redFlag.denied' && typeof e.data.flagId === 'string' && e.data.flagId !== 'checkIn.any')) {
    const flag = content.redFlags.byId.get(String(e.data.flagId));
    screening.push({ question: flag?.question ?? String(e.data.flagId), answer: 'No', at: e.at });
  }
  screening.sort((a, b) => a.at.localeCompare(b.at));
  const redFlags = events
    .filter((e) => e.type === 'redFlag.raised')
    .map((e) => {
      const flagId = String(e.data.flagId ?? '');
      return { at: e.at, flagId, label: content.redFlags.byId.get(flagId)?.label ?? flagId, urgency: String(e.data.urgency ?? ''), words: String(e.data.matched ?? '') };
    });
  const pain = events.filter((e) => e.type === 'pain.score' && typeof e.data.score === 'number').map((e) => ({ at: e.at, score: e.data.score as number, context: String(e.data.context ?? '') }));

  const answers: ResponseEntry[] = events
    .filter((e) => e.type === 'movement.response')
    .map((e) => ({ exerciseId: String(e.data.exerciseId), stageId: String(e.data.stageId), response: e.data.response as MovementResponse, toesOrFingers: e.data.toesOrFingers === true, sessionDate: day(e.at), at: e.at }));
  const groups = new Map<string, PatientRecord['movement'][number]>();
  for (const answer of answers) {
    const exercise = content.exercises.byId[answer.exerciseId];
    const key = `${answer.exerciseId}/${answer.stageId}`;
    const group = groups.get(key) ?? { exercise: exercise?.name ?? answer.exerciseId, stage: exercise?.stages.find((s) => s.id === answer.stageId)?.name ?? answer.stageId, responses: [] };
    group.responses.push({ date: answer.sessionDate, response: defaultChartLabels.responseName[answer.response] ?? answer.response, toesOrFingers: answer.toesOrFingers === true });
    groups.set(key, group);
  }

  const progress = context.coaching?.progress ?? { stages: {}, responses: [], restUntil: {} };
  const preference = directionalPreference(progress.responses.length ? progress : { ...progress, responses: answers }, content.exercises.byId);

  const programmeStart = context.coaching?.programmeStart ?? null;
  const sessionDates = new Set(events.filter((e) => e.type === 'session.started').map((e) => day(e.at)));
  const days = programmeStart ? Math.max(1, Math.floor((now.getTime() - Date.parse(programmeStart)) / 86_400_000) + 1) : 0;

  let chart: Chart | null = null;
  const painDays = pain.map((p) => ({ date: day(p.at), score: p.score }));
  const responses = sessionSummaries(answers).map((s) => ({ date: s.sessionDate, response: s.response }));
  const dates = [...painDays.map((p) => p.date), ...responses.map((r) => r.date)].sort();
  if (dates.length) {
    const start = programmeStart ? day(programmeStart) < dates[0]! ? day(programmeStart) : dates[0]! : dates[0]!;
    const span = Math.round((Date.parse(dates.at(-1)!) - Date.parse(start)) / 86_400_000) + 1;
    chart = renderProgressChart({ start, days: Math.max(7, span), pain: painDays, responses, stages: [] }, { title: 'Pain and exercise responses over {days} days' });
  }

  return {
    conversationId,
    state: stateName(value),
    screening,
    redFlags,
    pain,
    chart,
    movement: [...groups.values()],
    directionalPreference: {
      preference: preference.preference,
      evidence: preference.evidence.map((e) => `${e.direction}: centralised in ${e.centralizedSessions} session(s), spread in ${e.peripheralizedSessions}`),
    },
    adherence: {
      programmeStart,
      days,
      sessionDays: sessionDates.size,
      sessionsStarted: events.filter((e) => e.type === 'session.started').length,
      sessionsFinished: events.filter((e) => e.type === 'session.finished').length,
      checkIns: events.filter((e) => e.type === 'checkIn.started').length,
    },
    exerciseOnHold: context.referral?.exerciseOnHold === true,
    transcript: transcriptOf(events),
  };
}
