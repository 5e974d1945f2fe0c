import type { Guard } from '../shared.ts';
import { MAX_FAILED_TRIES, understandingOf, yesNoOf } from '../shared.ts';

/** Guards every question uses: a yes, a no, and when to stop asking the same thing. */
export const answerGuards = {
  saidYes: (({ event }) => yesNoOf(event) === 'yes') as Guard,
  saidNo: (({ event }) => yesNoOf(event) === 'no') as Guard,
  saidStart: (({ event }) => yesNoOf(event) === 'yes' || understandingOf(event)?.intent === 'start_session') as Guard,
  symbolsTooOften: (({ context, event }) => event.type === 'ASIDE' && event.aside === 'symbols' && context.failedTries + 1 >= MAX_FAILED_TRIES) as Guard,
  /** After later, tomorrow or a new time, the question is not asked again at once: the person said when. */
  asideWaits: (({ event }) => event.type === 'ASIDE' && (event.aside === 'later' || event.aside === 'tomorrow')) as Guard,
  tooManyFailedTries: (({ context }) => context.failedTries + 1 >= MAX_FAILED_TRIES) as Guard,
};
