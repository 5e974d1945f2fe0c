import { dayOf } from '../../coachingSteps.ts';
import type { Output, Understanding } from '../../types.ts';
import type { MessageKey, QuestionKey } from '../../wording.ts';
import { record, understandingOf, update } from '../shared.ts';

/** What was understood of an answer that could not be used, said back before asking for the missing part. */
function heard(u: Understanding | undefined): Output[] {
  if (!u) return [];
  if (u.kind !== 'score' && u.score !== undefined) return [{ kind: 'say', key: 'heard.score', vars: { score: u.score } }];
  if (u.kind !== 'region' && u.region !== undefined) return [{ kind: 'say', key: 'heard.region', vars: { region: u.region } }];
  if (u.kind !== 'duration' && u.kind !== 'onset' && u.days !== undefined) return [{ kind: 'say', key: 'heard.days', vars: { days: u.days } }];
  return [];
}

/** What is asked for again: a statement gets a one-line clarification; the second time a different line. */
function unclearKey(u: Understanding | undefined, tries: number): MessageKey {
  if (tries >= 1) return 'unclear.again';
  return `unclear.${u?.kind ?? 'statement'}`;
}

/**
 * What any state may do: say something, ask a question, ask it again, and the asides a person
 * can take at any time (an explanation, the progress chart) after which the pending question returns.
 */
export const asideActions = {
  countMessage: update(({ context }) => ({ messages: context.messages + 1 })),
  say: update<{ key: MessageKey }>((_, params) => ({ outputs: [{ kind: 'say', key: params.key }] })),
  ask: update<{ question: QuestionKey }>((_, params) => ({
    outputs: [{ kind: 'ask', question: params.question }],
    asking: { question: params.question },
    failedTries: 0,
  })),
  /**
   * An answer the question cannot use: what was understood, then what is missing, with the buttons.
   * Never the same line twice in a row; after a referral in the same turn, just the question again.
   */
  reask: update(({ context, event }) => {
    const u = understandingOf(event);
    const referred = event.type === 'MESSAGE' && event.afterReferral === true;
    return {
      outputs: [
        ...(referred ? [] : [...heard(u), { kind: 'say' as const, key: unclearKey(u, context.failedTries) }]),
        record('answer.unclear', { question: context.asking?.question ?? null, flagId: context.asking?.flagId ?? null }),
        { kind: 'ask', question: context.asking?.question ?? 'consent', flagId: context.asking?.flagId, reask: true },
      ],
      failedTries: context.failedTries + 1,
    };
  }),
  /** A greeting, a question back, another language, emoji, skip, later: answered, then the question again where it waits. */
  replyAside: update(({ context, event }) => {
    if (event.type !== 'ASIDE') return {};
    const question = context.asking?.question;
    const key = ((): MessageKey => {
      switch (event.aside) {
        case 'greeting':
          return 'greeting.again';
        case 'help':
          return question ? `help.${question}` : 'help.menu';
        case 'otherLanguage':
          return 'language.englishOnly';
        case 'symbols':
          return 'symbolsOnly';
        case 'skip':
          return event.understanding?.kind === 'symptom' ? 'skip.safety' : 'skip.needed';
        case 'later':
          return 'session.later';
        case 'tomorrow':
          return 'session.tomorrow';
        case 'checkInTime':
          return 'checkInTime.howTo';
      }
    })();
    // Emoji or symbols instead of an answer count as a try, like any answer that cannot be read.
    return { outputs: [{ kind: 'say', key }], ...(event.aside === 'symbols' ? { failedTries: context.failedTries + 1 } : {}) };
  }),
  offerClinician: update(() => ({
    outputs: [{ kind: 'say', key: 'offerClinicianAfterRetries' }],
    failedTries: 0,
  })),
  teach: update(({ context, event }) => {
    if (event.type !== 'EDUCATION') return {};
    return {
      outputs: [{ kind: 'education', pieceId: event.pieceId }, record('education.shown', { pieceId: event.pieceId, asked: true })],
      coaching: { ...context.coaching, educationShown: [...new Set([...context.coaching.educationShown, event.pieceId])] },
    };
  }),
  showProgress: update(({ context, event }) => ({
    outputs: [{ kind: 'progress' }, record('progress.shown', { asked: event.type === 'PROGRESS_REQUESTED' })],
    coaching: { ...context.coaching, progressShownOn: dayOf(event as { at: string; localDate?: string }) },
  })),
  // After an aside (an explanation, the chart) the pending question is asked again, so nothing is skipped.
  reaskPending: update(({ context }) => ({
    outputs: context.asking ? [{ kind: 'ask', question: context.asking.question, flagId: context.asking.flagId, reask: true }] : [],
  })),
  nudgeSetup: update(({ context }) => ({
    outputs: [
      { kind: 'say', key: 'checkIn.finishSetup' },
      ...(context.asking ? [{ kind: 'ask' as const, question: context.asking.question, flagId: context.asking.flagId, reask: true }] : []),
    ],
  })),
  tooLong: update(({ event }) => ({
    outputs: [{ kind: 'say', key: 'tooLong', vars: event.type === 'TOO_LONG' ? { length: event.length, ...(event.limit !== undefined ? { limit: event.limit } : {}) } : { length: 0 } }],
  })),
};
