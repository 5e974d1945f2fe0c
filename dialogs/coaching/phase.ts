import { addDays, daysBetween } from './dates.ts';
import { directionalPreference } from './directionalPreference.ts';
import { acuteDays, postSurgeryWeeks } from './thresholds.ts';
import type { CoachingProfile, CoachingProgress, CoachingRules, Exercise, IsoDate, Phase, PlanSignals, Region, ScoreEntry, Surgery } from './types.ts';

/**
 * Which phase of the programme a person is in today. Order matters: discharge wins, then a phase
 * a clinician set, then the protected weeks after surgery, then the first 48 hours, then the
 * later phase once the movement that helped has held at its hardest stage and the leg or arm has
 * been quiet for a week; otherwise the ongoing programme. A bad day (flare-up) follows its own
 * plan for that day, except in the weeks after surgery, whose plan is already the gentlest.
 */
export function choosePhase(
  profile: CoachingProfile,
  progress: CoachingProgress,
  today: IsoDate,
  exercises: Record<string, Pick<Exercise, 'direction' | 'kind'>>,
  signals: PlanSignals = {},
  rules?: Pick<CoachingRules, 'laterPhase'>,
): Phase {
  const base = basePhase(profile, progress, today, exercises, signals, rules);
  if (progress.flareUpOn === today && base !== 'post_surgery') return 'flare_up';
  return base;
}

function basePhase(
  profile: CoachingProfile,
  progress: CoachingProgress,
  today: IsoDate,
  exercises: Record<string, Pick<Exercise, 'direction' | 'kind'>>,
  signals: PlanSignals,
  rules?: Pick<CoachingRules, 'laterPhase'>,
): Exclude<Phase, 'flare_up'> {
  if (progress.dischargedOn !== undefined && progress.dischargedOn <= today) return 'maintenance';
  if (profile.clinicianPhase) return profile.clinicianPhase;
  if (inPostSurgeryWindow(profile, today)) return 'post_surgery';
  if (profile.symptomsStartedOn !== undefined && daysBetween(profile.symptomsStartedOn, today) < acuteDays) return 'acute';
  if (directionalWorkHeld(profile, progress, exercises) && limbSettled(profile, signals.limb ?? [], today, rules?.laterPhase)) return 'later';
  return 'ongoing';
}

function inPostSurgeryWindow(profile: CoachingProfile, today: IsoDate): boolean {
  if (profile.surgery === 'none') return false;
  // Unknown date: stay protected until someone tells us.
  if (profile.surgeryDate === undefined) return true;
  return daysBetween(profile.surgeryDate, today) < postSurgeryWeeks[profile.surgery] * 7;
}

/** The preferred direction's exercise has held at its hardest stage and has not spread symptoms since. */
function directionalWorkHeld(profile: CoachingProfile, progress: CoachingProgress, exercises: Record<string, Pick<Exercise, 'direction' | 'kind'>>): boolean {
  const { preference } = directionalPreference(progress, exercises, profile);
  if (preference === 'unknown') return false;
  return Object.entries(progress.stages).some(([id, state]) => {
    const exercise = exercises[id];
    return state.topHeldOn !== undefined && exercise?.kind === 'directional' && exercise.direction === preference;
  });
}

/**
 * The leg or arm has been quiet long enough for movements that used to irritate it: every
 * check-in score since the last one above the limit is at most the limit, that run began at least
 * `forDays - 1` days ago, and the latest score is from within those days. Without limb symptoms
 * there is nothing to wait for. Without the rule (older callers) the condition is not applied.
 */
export function limbSettled(
  profile: Pick<CoachingProfile, 'limbSymptoms'>,
  limb: readonly ScoreEntry[],
  today: IsoDate,
  rule?: CoachingRules['laterPhase'],
): boolean {
  if (!rule || !profile.limbSymptoms) return true;
  const sorted = [...limb].filter((s) => s.at.slice(0, 10) <= today).sort((a, b) => a.at.localeCompare(b.at));
  let lastHigh = -1;
  sorted.forEach((s, i) => {
    if (s.score > rule.limbScoreAtMost) lastHigh = i;
  });
  const run = sorted.slice(lastHigh + 1);
  const first = run[0];
  const last = run.at(-1);
  if (!first || !last) return false;
  return daysBetween(first.at.slice(0, 10), today) >= rule.forDays - 1 && daysBetween(last.at.slice(0, 10), today) < rule.forDays;
}

/** Screening answers as asked ("how many weeks since surgery?"), turned into dates that do not go stale. */
export interface IntakeAnswers {
  region: Region;
  surgery: Surgery;
  weeksSinceSurgery?: number;
  liftingLimitKg?: number;
  symptomsStartedDaysAgo?: number;
  /** Symptoms reach a leg or an arm. */
  limbSymptoms?: boolean;
}

export function profileFromIntake(answers: IntakeAnswers, intakeDate: IsoDate): CoachingProfile {
  return {
    region: answers.region,
    surgery: answers.surgery,
    ...(answers.surgery !== 'none' && answers.weeksSinceSurgery !== undefined
      ? { surgeryDate: addDays(intakeDate, -Math.round(answers.weeksSinceSurgery * 7)) }
      : {}),
    ...(answers.liftingLimitKg !== undefined ? { liftingLimitKg: answers.liftingLimitKg } : {}),
    ...(answers.symptomsStartedDaysAgo !== undefined ? { symptomsStartedOn: addDays(intakeDate, -answers.symptomsStartedDaysAgo) } : {}),
    ...(answers.limbSymptoms !== undefined ? { limbSymptoms: answers.limbSymptoms } : {}),
  };
}
