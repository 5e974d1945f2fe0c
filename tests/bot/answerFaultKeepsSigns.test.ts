/**
 * A fault while reading the answer (a parser bug) never costs the warning signs of the message:
 * they are found first, so they still refer, the fault is reported, and a message with no sign is
 * left unread rather than lost (issue 17: "the warning-sign check still runs, nothing is lost").
 */
import { describe, expect, it } from 'vitest';
import type { StoredConversation } from '../../dialogs/step.ts';
import { eventsForMessage, type Nlu } from '../../src/bot/understand.ts';
import { createBot } from '../nlu/corpus/harness.ts';

const bot = createBot();
const fault = () => {
  throw new Error('a parser bug');
};
// Every answer reader fails; the warning-sign detector works.
const broken: Nlu = {
  ...bot.nlu,
  yesNo: fault,
  score: fault,
  region: fault,
  intent: fault,
  movement: fault,
  education: fault,
  answers: new Proxy(bot.nlu.answers, { get: () => fault }),
};
const atPainQuestion = { context: { profile: {}, asking: { question: 'pain' } }, recent: [] } as unknown as StoredConversation;
const eventsOf = (text: string, nlu: Nlu) => {
  const errors: unknown[] = [];
  const events = eventsForMessage({ text, at: '2026-11-27T09:00:00.000Z', maxLength: 4000 }, atPainQuestion, bot.questions, nlu, (error) => errors.push(error));
  return { types: events.map((event) => event.type), flags: events.flatMap((event) => (event.type === 'RED_FLAG' ? event.hits.map((hit) => hit.flagId) : [])), errors };
};

describe('a fault while reading the answer', () => {
  it('still refers a warning sign told with the answer, and reports the fault', () => {
    const { flags, errors } = eventsOf("about a 6. and since yesterday I can't feel the paper when I wipe", broken);
    expect(flags).toContain('ces.saddle-numbness');
    expect(errors.length).toBeGreaterThan(0);
  });

  it('leaves a message with no sign unread instead of failing the turn', () => {
    const { types, errors } = eventsOf('about a 6 today', broken);
    expect(types).toEqual(['UNREADABLE']);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('changes nothing when the readers work', () => {
    const { types, flags, errors } = eventsOf("about a 6. and since yesterday I can't feel the paper when I wipe", bot.nlu);
    expect(flags).toContain('ces.saddle-numbness');
    expect(types).not.toContain('UNREADABLE');
    expect(errors).toEqual([]);
  });
});
