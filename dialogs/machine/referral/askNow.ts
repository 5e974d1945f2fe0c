/**
 * A warning sign mentioned without a clear disclosure is never dropped and never guessed
 * (issue 17): a hypothetical ("what if I wet myself?"), a resolved episode, a mention whose
 * person is unclear gets "Is this happening to you now?"; a vague word about the sign ("down
 * there feels odd") gets the sign's own plain question (signQuestion, shown with the flag's
 * `question` from content/red-flags). Both with yes/no buttons, at once.
 * A yes refers at the sign's tier (the root RED_FLAG handler); a no is recorded and the person
 * goes back to the question they were at. Until answered, the shell reads the next message as
 * the answer to this question (SIGN_ANSWER).
 */
import { raise } from 'xstate';
import type { Asking, CoachContext, CoachEvent, RedFlagHit } from '../../types.ts';
import { MAX_FAILED_TRIES, record, update, yesNoOf, type Guard } from '../shared.ts';
import { compareUrgency } from '../../../src/vocabulary/index.ts';
import type { MessageKey } from '../../wording.ts';

/** The question key of the direct question: the sign's own question for a vague word, "now?" otherwise. */
export const signQuestionFor = (hit: RedFlagHit) => (hit.mention === 'vague' ? 'signQuestion' : 'signNow');

/** What is said before the direct question, per kind of mention (content/messages.yaml). */
const SIGN_NOW_LEAD: Record<NonNullable<RedFlagHit['mention']>, MessageKey> = {
  present: 'signNow.vague',
  hypothetical: 'signNow.hypothetical',
  resolved: 'signNow.resolved',
  vague: 'signNow.vague',
  'unclear-person': 'signNow.unclearPerson',
};

const mostUrgent = (hits: RedFlagHit[]) => [...hits].sort((a, b) => compareUrgency(a.urgency, b.urgency))[0];

function signAnswerOf(event: CoachEvent) {
  return event.type === 'SIGN_ANSWER' ? event : undefined;
}

export const askNowGuards = {
  signConfirmed: (({ event }) => signAnswerOf(event) !== undefined && yesNoOf(event) === 'yes') as Guard,
  signDenied: (({ event }) => signAnswerOf(event) !== undefined && yesNoOf(event) === 'no') as Guard,
  signAnswerAfterReferral: (({ event }) => signAnswerOf(event)?.afterReferral === true) as Guard,
  mentionHoldsAnswer: (({ event }) => event.type === 'SIGN_MENTIONED' && event.understanding !== undefined) as Guard,
  signCheckPending: (({ context }) => (context.signCheck ?? null) !== null) as Guard,
  signTooManyTries: (({ context }) => context.failedTries + 1 >= MAX_FAILED_TRIES) as Guard,
};

export const askNowActions = {
  /**
   * The answer the message also held is handled first by the state that asked, as a MESSAGE. What
   * it brings next (the next exercise card and its question, or just the next question) waits
   * behind the direct question and is shown after a "no" (dialogs/machine/shared.ts decides what waits).
   */
  replayMention: raise<CoachContext, CoachEvent, CoachEvent, undefined, never, never>(({ event }) => ({
    type: 'MESSAGE' as const,
    at: event.at,
    understanding: (event as Extract<CoachEvent, { type: 'SIGN_MENTIONED' }>).understanding ?? { text: '' },
  })),
  /** From here to the direct question, what the turn brings next waits behind it (a sign without hits asks nothing). */
  holdForSign: update(({ event }) => (event.type === 'SIGN_MENTIONED' && event.hits.length > 0 ? { heldForSign: [] } : {})),
  raiseSignAsk: raise<CoachContext, CoachEvent, CoachEvent, undefined, never, never>(({ event }) => ({
    type: 'SIGN_ASK' as const,
    at: event.at,
    hits: (event as Extract<CoachEvent, { type: 'SIGN_MENTIONED' }>).hits,
  })),
  askSignNow: update(({ context, event }) => {
    if (event.type !== 'SIGN_ASK') return {};
    const hit = mostUrgent(event.hits);
    if (!hit) return {};
    const question = signQuestionFor(hit);
    const back: Asking | null = context.signCheck?.back ?? context.asking;
    const stillHeld = [...(context.signCheck?.held ?? []), ...(context.heldForSign ?? [])];
    return {
      signCheck: { hit, back, ...(stillHeld.length ? { held: stillHeld } : {}) },
      heldForSign: undefined,
      asking: { question, flagId: hit.flagId },
      failedTries: 0,
      outputs: [
        { kind: 'say', key: SIGN_NOW_LEAD[hit.mention ?? 'vague'] },
        { kind: 'ask', question, flagId: hit.flagId },
      ],
    };
  }),
  /** Yes: the sign is there now. The referral is made by the root RED_FLAG handler, at the sign's tier. */
  confirmSign: raise<CoachContext, CoachEvent, CoachEvent, undefined, never, never>(({ context, event }) => {
    const hit = context.signCheck!.hit;
    const { mention: _, ...present } = hit;
    return { type: 'RED_FLAG' as const, at: event.at, hits: [{ ...present, matched: `${hit.matched} (yes when asked whether it is happening now)` }] };
  }),
  resumeAfterSign: raise<CoachContext, CoachEvent, CoachEvent, undefined, never, never>(({ event }) => ({ type: 'SIGN_RESUME' as const, at: event.at })),
  closeSignCheck: update(({ context }) => ({ signCheck: null, asking: context.signCheck?.back ?? context.asking })),
  recordSignDenied: update(({ context }) => {
    const hit = context.signCheck?.hit;
    if (!hit) return {};
    return { outputs: [record('redFlag.denied', { flagId: hit.flagId, mention: hit.mention ?? null, asked: 'now' })] };
  }),
  sayNotNow: update(() => ({ outputs: [{ kind: 'say', key: 'signNow.thanks' }] })),
  /** Back to where the person was: what was held (the next exercise and its question), or the question again. */
  askBack: update(({ context }) => {
    const held = context.signCheck?.held ?? [];
    if (held.length) return { outputs: [...held], failedTries: 0 };
    const back = context.signCheck?.back ?? null;
    return back ? { outputs: [{ kind: 'ask', question: back.question, flagId: back.flagId, reask: true }], failedTries: 0 } : {};
  }),
  reaskSign: update(({ context, event }) => {
    const u = event.type === 'SIGN_ANSWER' ? event.understanding : undefined;
    const key = u?.yesNo === 'unsure' ? 'signNow.unsure' : u?.questionBack ? 'signNow.help' : 'signNow.unclear';
    const asking = context.asking;
    return {
      outputs: [
        { kind: 'say', key },
        record('answer.unclear', { question: asking?.question ?? null, flagId: asking?.flagId ?? null }),
        ...(asking ? [{ kind: 'ask' as const, question: asking.question, flagId: asking.flagId, reask: true }] : []),
      ],
      failedTries: context.failedTries + 1,
    };
  }),
  /** Answered in a message that also referred: nothing more is asked, an unclear answer is just noted. */
  dropSignCheck: update(({ context }) => ({
    outputs: [record('answer.unclear', { question: 'signNow', flagId: context.signCheck?.hit.flagId ?? null })],
    signCheck: null,
    asking: context.signCheck?.back ?? context.asking,
  })),
};

/** Root transitions: a mention asks at once, its answer refers or goes back; any state, like RED_FLAG. */
export const askNowTransitions = {
  SIGN_MENTIONED: [
    { guard: 'mentionHoldsAnswer' as const, actions: ['holdForSign' as const, 'replayMention' as const, 'raiseSignAsk' as const] },
    { actions: ['holdForSign' as const, 'raiseSignAsk' as const] },
  ],
  SIGN_ASK: { actions: 'askSignNow' as const },
  SIGN_ANSWER: [
    { guard: 'signConfirmed' as const, actions: ['countMessage' as const, 'confirmSign' as const, 'closeSignCheck' as const, 'resumeAfterSign' as const] },
    { guard: 'signDenied' as const, actions: ['countMessage' as const, 'recordSignDenied' as const, 'sayNotNow' as const, 'askBack' as const, 'closeSignCheck' as const] },
    { guard: 'signAnswerAfterReferral' as const, actions: 'dropSignCheck' as const },
    { guard: 'signTooManyTries' as const, actions: ['countMessage' as const, 'reaskSign' as const, 'offerClinician' as const] },
    { actions: ['countMessage' as const, 'reaskSign' as const] },
  ],
  // After a confirmed sign at the soon tier the person carries on where they were.
  SIGN_RESUME: [{ guard: 'exerciseOnHold' as const }, { actions: 'reaskPending' as const }],
};
