/**
 * Every message and question key the coaching concern can emit, so that content loading can
 * refuse a content folder that lacks one (a missing key must stop the start, not a turn).
 */
export const coachingMessageKeys = [
  'readyForCoaching', 'session.later', 'session.tomorrow', 'idle.help', 'session.done', 'session.stopped', 'session.stoppedToday', 'session.nothingToday',
  'movement.continue', 'movement.continue.noChange', 'movement.continue.progress', 'movement.continue.toesAsBefore', 'movement.continue.testedOut',
  'movement.stop_and_regress', 'movement.stop_and_regress.known', 'movement.stop_now', 'movement.stop_now.known', 'movement.rest_days', 'movement.refer_soon.detail',
  'exercise.skipped', 'exercise.noEquipment', 'exercise.noEquipmentUnknown',
  'pathway.intro', 'pathway.undiagnosed', 'pathway.pregnant', 'pathway.shifted',
  'directional.noCentralization', 'session.reduced', 'session.flareUp', 'session.remindersPlanned', 'reminder.directional',
  'checkIn.greeting', 'checkIn.welcomeBack', 'checkIn.flareUp', 'checkIn.painRelief', 'review.plan', 'liftingLimit.unknown',
  'weekly.intro', 'weekly.psfsActivity', 'weekly.psfsNamed', 'weekly.skipped', 'weekly.thanks',
  'plan.changed.phase', 'plan.changed.phaseAuto', 'plan.changed.direction', 'plan.changed.directionAuto', 'plan.changed.avoid', 'plan.changed.discharge',
  'summary.coaching', 'summary.reason.noCentralization', 'summary.reason.undiagnosed',
] as const;

export const coachingQuestionKeys = [
  'startSession', 'checkInPain', 'checkInLimb', 'checkInWarning', 'liftingLimit', 'movementResponse',
  'diagnosedBy', 'pregnancy', 'lateralShift', 'osteoporosis', 'reachBeforeLeg', 'reachBeforeArm',
  'psfsActivity', 'psfsScore', 'sleepNights', 'walkingMinutes', 'medication', 'globalChange',
] as const;
