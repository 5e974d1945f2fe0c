import { directionalPreference, everCentralized } from '../../dialogs/coaching/index.ts';
import { planToday, planningProfile } from '../../dialogs/coachingSteps.ts';
import type { CoachContext } from '../../dialogs/types.ts';
import type { Content } from '../content/index.ts';

/**
 * What a treating physio wants to know about the programme, from the conversation's own record:
 * the leg or arm score trend (the main outcome in sciatica), whether symptoms centralize and in
 * which direction, the exercises and stages of today's plan, the weekly measures (PSFS, sleep,
 * walking, medication, global change), and the intake facts that change the plan. Pure: the
 * handoff summary and the console both read it.
 */

export interface ScoreAt {
  at: string;
  score: number;
}

export interface CoachingFacts {
  limb: { first?: ScoreAt; last?: ScoreAt; change?: number; days?: number; trend: 'better' | 'worse' | 'steady' | 'none'; readings: number };
  centralizes: 'yes' | 'no_after_full_test' | 'not_yet';
  preference: { direction: string; source: 'clinician' | 'responses' | null };
  phase: string | null;
  exercises: { name: string; stage: string }[];
  psfs: { activity: string; first?: number; last?: number }[];
  psfsMean?: { first: number; last: number };
  sleep?: number;
  walking?: number;
  medication?: string;
  groc?: number;
  deniedFlags: { flagId: string; label: string; askedAt: string }[];
  age?: number;
  surgery?: { kind: string; date?: string; limitKg?: number | null; limitUntil?: string };
  pathway: { diagnosedBy?: string; pregnant?: boolean; lateralShift?: boolean; osteoporosis?: boolean };
}

/** Fields other parts of the product add to the intake (issue 16, screening); read when present. */
interface IntakeExtras {
  age?: number;
  surgeryKind?: string;
  daysSinceSurgery?: number;
  surgeryAskedOn?: string;
  liftingLimit?: { kg: number | null; known: boolean; until?: string };
}
type SignRecords = Record<string, { status: string; askedAt?: string }>;

/** A change of 2 points on a 0-10 scale is clinically important (clinical-facts.md). */
const MEANINGFUL = 2;

function days(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export function coachingFacts(context: CoachContext, content: Content, now: string, denied?: { flagId: string; at: string }[]): CoachingFacts {
  const coaching = { exercises: content.exercises.byId, plans: content.plans, rules: content.coachingRules };
  const limbScores = [...(context.limb ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  const first = limbScores[0];
  const last = limbScores.at(-1);
  const change = first && last && first !== last ? last.score - first.score : undefined;
  const trend: CoachingFacts['limb']['trend'] = !first || !last || first === last ? 'none' : change! <= -MEANINGFUL ? 'better' : change! >= MEANINGFUL ? 'worse' : 'steady';

  const profile = planningProfile(context, coaching);
  const progress = context.coaching?.progress ?? { stages: {}, responses: [], restUntil: {} };
  const preference = directionalPreference(progress, content.exercises.byId, profile ?? undefined);
  const plan = context.coaching ? planToday(context, coaching, now.slice(0, 10)) : null;
  const centralizes = everCentralized(progress, content.exercises.byId) ? 'yes' : plan?.noCentralizationAfterFullTest || context.coaching?.reviewsMade.includes('no_centralization') ? 'no_after_full_test' : 'not_yet';

  const outcomes = context.coaching?.outcomes;
  const psfs = (outcomes?.psfs ?? []).map((item) => ({ activity: item.activity, ...(item.scores[0] ? { first: item.scores[0].value } : {}), ...(item.scores.at(-1) ? { last: item.scores.at(-1)!.value } : {}) }));
  const scored = psfs.filter((p) => p.first !== undefined && p.last !== undefined);
  const mean = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

  const label = (flagId: string) => content.redFlags.byId.get(flagId)?.label ?? flagId;
  const signs = (context as CoachContext & { signs?: SignRecords }).signs;
  const deniedFlags = signs
    ? Object.entries(signs).filter(([, r]) => r.status === 'denied' && r.askedAt).map(([flagId, r]) => ({ flagId, label: label(flagId), askedAt: r.askedAt! }))
    : latestPerFlag(denied ?? []).map(({ flagId, at }) => ({ flagId, label: label(flagId), askedAt: at }));

  const intake = context.profile as CoachContext['profile'] & IntakeExtras;
  const kind = intake.surgeryKind ?? intake.surgery;
  const surgeryDate =
    intake.daysSinceSurgery !== undefined && intake.surgeryAskedOn
      ? addDays(intake.surgeryAskedOn, -intake.daysSinceSurgery)
      : context.coaching?.profile?.surgeryDate;
  const limitKg = intake.liftingLimit ? intake.liftingLimit.kg : context.coaching?.profile?.liftingLimitKg;
  const pathway = context.coaching?.pathway ?? {};

  return {
    limb: { ...(first ? { first } : {}), ...(last ? { last } : {}), ...(change !== undefined ? { change, days: days(first!.at, last!.at) } : {}), trend, readings: limbScores.length },
    centralizes,
    preference: { direction: preference.preference, source: preference.source ?? null },
    phase: plan?.phase ?? null,
    exercises: (plan?.steps ?? []).map((step) => {
      const exercise = content.exercises.byId[step.exerciseId];
      return { name: exercise?.name ?? step.exerciseId, stage: exercise?.stages.find((s) => s.id === step.stageId)?.name ?? step.stageId };
    }),
    psfs,
    ...(scored.length ? { psfsMean: { first: mean(scored.map((p) => p.first!)), last: mean(scored.map((p) => p.last!)) } } : {}),
    ...(outcomes?.sleep.at(-1) ? { sleep: outcomes.sleep.at(-1)!.value } : {}),
    ...(outcomes?.walking.at(-1) ? { walking: outcomes.walking.at(-1)!.value } : {}),
    ...(outcomes?.medication.at(-1) ? { medication: outcomes.medication.at(-1)!.value } : {}),
    ...(outcomes?.groc.at(-1) ? { groc: outcomes.groc.at(-1)!.value } : {}),
    deniedFlags,
    ...(intake.age !== undefined ? { age: intake.age } : {}),
    ...(kind && kind !== 'none'
      ? { surgery: { kind, ...(surgeryDate ? { date: surgeryDate } : {}), ...(limitKg !== undefined ? { limitKg } : {}), ...(intake.liftingLimit?.until ? { limitUntil: intake.liftingLimit.until } : {}) } }
      : {}),
    pathway: {
      ...(pathway.diagnosedBy ? { diagnosedBy: pathway.diagnosedBy } : {}),
      ...(pathway.pregnant !== undefined ? { pregnant: pathway.pregnant } : {}),
      ...(pathway.lateralShift !== undefined ? { lateralShift: pathway.lateralShift } : {}),
      ...(profile?.osteoporosis ? { osteoporosis: true } : pathway.osteoporosis !== undefined ? { osteoporosis: pathway.osteoporosis } : {}),
    },
  };
}

function latestPerFlag(entries: { flagId: string; at: string }[]): { flagId: string; at: string }[] {
  const byFlag = new Map<string, string>();
  for (const e of entries) if (!byFlag.has(e.flagId) || byFlag.get(e.flagId)! < e.at) byFlag.set(e.flagId, e.at);
  return [...byFlag.entries()].map(([flagId, at]) => ({ flagId, at })).sort((a, b) => a.flagId.localeCompare(b.flagId));
}
