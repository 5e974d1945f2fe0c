import { addDays, daysBetween } from './dates.ts';
import { directionalPreference } from './directionalPreference.ts';
import { acuteDays, postSurgeryWeeks } from './thresholds.ts';
import type { CoachingProfile, CoachingProgress, Exercise, IsoDate, Phase, Region, Surgery } from './types.ts';

/**
 * Which phase of the programme a person is in today. Order matters: discharge wins, then the
 * protection after surgery, then the first 48 hours, then the later phase once the movement
 * that helped has held at its hardest stage; otherwise the ongoing programme.
 */
export function choosePhase(
  profile: CoachingProfile,
  progress: CoachingProgress,
  today: IsoDate,
  exercises: Record<string, Pick<Exercise, 'direction' | 'kind'>>,
): Phase {
  if (progress.dischargedOn !== undefined && progress.dischargedOn <= today) return 'maintenance';
  if (inPostSurgeryWindow(profile, today)) return 'post_surgery';
  if (profile.symptomsStartedOn !== undefined && daysBetween(profile.symptomsStartedOn, today) < acuteDays) return 'acute';
  if (directionalWorkHeld(progress, exercises)) return 'later';
  return 'ongoing';
}

function inPostSurgeryWindow(profile: CoachingProfile, today: IsoDate): boolean {
  if (profile.surgery === 'none') return false;
  // Unknown date: stay protected until someone tells us.
  if (profile.surgeryDate === undefined) return true;
  return daysBetween(profile.surgeryDate, today) < postSurgeryWeeks[profile.surgery] * 7;
}

/** The preferred direction's exercise has held at its hardest stage and has not spread symptoms since. */
function directionalWorkHeld(progress: CoachingProgress, exercises: Record<string, Pick<Exercise, 'direction' | 'kind'>>): boolean {
  const { preference } = directionalPreference(progress, exercises);
  if (preference === 'unknown') return false;
  return Object.entries(progress.stages).some(([id, state]) => {
    const exercise = exercises[id];
    return state.topHeldOn !== undefined && exercise?.kind === 'directional' && exercise.direction === preference;
  });
}

/** Screening answers as asked ("how many weeks since surgery?"), turned into dates that do not go stale. */
export interface IntakeAnswers {
  region: Region;
  surgery: Surgery;
  weeksSinceSurgery?: number;
  liftingLimitKg?: number;
  symptomsStartedDaysAgo?: number;
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
  };
}
