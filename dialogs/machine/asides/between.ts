/**
 * An answer that sits between two choices ("down my leg", "to the knee", "my shoulder") is not
 * guessed: a short question settles it ("Does it go past the knee?"), then the answer goes to the
 * question it belongs to as that question's choice, with the side said the first time.
 */
import { raise } from 'xstate';
import type { CoachContext, CoachEvent } from '../../types.ts';
import type { QuestionKey } from '../../wording.ts';
import { update, understandingOf } from '../shared.ts';

export const betweenActions = {
  askBetween: update(({ context, event }) => {
    const between = understandingOf(event)?.between;
    if (!between || !context.asking) return {};
    const side = understandingOf(event)?.side;
    // content/lexicon/body.yaml names the question; content loading holds it to the declared ones (dialogs/wording.ts).
    const question = between.question as QuestionKey;
    return {
      confirming: { question, options: between.options, back: context.asking, ...(side ? { side } : {}) },
      asking: { question },
      failedTries: 0,
      outputs: [{ kind: 'ask', question }],
    };
  }),
  /** The settled answer, replayed as the choice of the question it belongs to. */
  answerBetween: raise<CoachContext, CoachEvent, CoachEvent, undefined, never, never>(({ context, event }) => {
    const understanding = understandingOf(event) ?? { text: '' };
    const side = understanding.side ?? context.confirming?.side;
    return { type: 'MESSAGE' as const, at: event.at, understanding: { ...understanding, ...(side ? { side } : {}) } };
  }),
  closeBetween: update(({ context }) => ({ confirming: null, asking: context.confirming?.back ?? context.asking })),
};

export const betweenTransitions = {
  CONFIRM_BETWEEN: { actions: ['countMessage' as const, 'askBetween' as const] },
  CONFIRMED: { actions: ['answerBetween' as const, 'closeBetween' as const] },
};
