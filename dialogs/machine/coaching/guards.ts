import { dayOf, limbReviewDue, painReviewDue, sessionContinues } from '../../coachingSteps.ts';
import type { Guard } from '../shared.ts';
import { choiceOf, understandingOf, yesNoOf } from '../shared.ts';

export const coachingGuards = {
  wantsSession: (({ event }) => yesNoOf(event) === 'yes' || choiceOf(event) === 'start' || /\b(start|begin|exercise|exercises|session|ready|go)\b/i.test(understandingOf(event)?.text ?? '')) as Guard,
  sessionIsStale: (({ context, event }) => context.coaching.session !== null && context.coaching.session.date < dayOf(event as { at: string; localDate?: string })) as Guard,
  gaveMovement: (({ event }) => understandingOf(event)?.movement !== undefined) as Guard,
  needsLiftingLimit: (({ context }) => context.coaching.session === null && context.coaching.lastDecision === 'ask_lifting_limit') as Guard,
  sessionHasSteps: (({ context }) => (context.coaching.session?.steps.length ?? 0) > 0) as Guard,
  sessionContinues: (({ context }) => sessionContinues(context.coaching)) as Guard,
  painReviewDue: (({ context, event }) => painReviewDue(context.coaching, context.pain, event.at) !== null) as Guard,
  limbReviewDue: (({ context, event }) => limbReviewDue(context.coaching, context.limb, event.at)) as Guard,
};
