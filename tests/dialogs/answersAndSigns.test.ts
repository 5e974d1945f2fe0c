/**
 * Every message does both, and a mention is asked about (issue 17), through the real shell
 * (eventsForMessage) and machine. Warning signs come from hand-made detector hits, so these
 * tests do not depend on how the detector words its readings.
 */
import { describe, expect, it } from 'vitest';
import { stateName, step, type StoredConversation } from '../../dialogs/step.ts';
import type { CoachEvent, Output, RedFlagHit } from '../../dialogs/types.ts';
import { createNlu } from '../../src/bot/nlu.ts';
import { eventsForMessage, type Nlu } from '../../src/bot/understand.ts';
import { realContent, realMachine } from '../helpers/content.ts';

const at = '2026-11-27T09:00:00.000Z';
const content = realContent();
const machine = realMachine();
const realNlu = createNlu(content);

/** The real NLU, except that the warning signs are the ones given. */
const withHits = (hits: RedFlagHit[]): Nlu => ({ ...realNlu, redFlags: () => hits, scanMessage: (text) => ({ text, hits }) });

function send(stored: StoredConversation | null, text: string, hits: RedFlagHit[] = []) {
  const events = eventsForMessage({ text, at, maxLength: 4000 }, stored, content.conversation.questions, withHits(hits));
  return { events, ...step(machine, stored, events) };
}

function start(): StoredConversation {
  return step(machine, null, [{ type: 'START', at }]).conversation;
}

/** A conversation walked with plain answers to the pain question of screening. */
function atPain(): StoredConversation {
  let stored = start();
  for (const text of ['yes I agree', 'lower back']) stored = send(stored, text).conversation;
  expect(stored.context.asking?.question).toBe('pain');
  return stored;
}

const records = (outputs: Output[], type: string) => outputs.filter((o) => o.kind === 'record' && o.type === type);
const asks = (outputs: Output[]) => outputs.filter((o): o is Extract<Output, { kind: 'ask' }> => o.kind === 'ask');

const wetting: RedFlagHit = { flagId: 'ces.bladder-incontinence', urgency: 'emergency', matched: 'wet myself' };

describe('a disclosure and an answer in one message', () => {
  it('refers AND records the pain score, then waits for the clinician without asking the next question', () => {
    const result = send(atPain(), "6, and I've wet myself twice today", [wetting]);
    expect(result.outputs.some((o) => o.kind === 'handoff' && o.urgency === 'emergency')).toBe(true);
    expect(records(result.outputs, 'pain.score')).toEqual([{ kind: 'record', type: 'pain.score', data: expect.objectContaining({ score: 6 }) }]);
    expect(stateName(result.conversation)).toBe('referred');
    expect(asks(result.outputs).filter((o) => !o.reask)).toEqual([]);
    // Once a clinician hands back (an emergency hold is lifted by nobody else, issue 16 item 1),
    // the person carries on from the question after the one they answered.
    const joined = step(machine, result.conversation, [{ type: 'CLINICIAN_JOINED', at, clinician: 'Sam', caseId: '1' }]);
    const back = step(machine, joined.conversation, [{ type: 'CLINICIAN_LEFT', at, outcome: 'cleared_to_exercise' }]);
    expect(asks(back.outputs).map((o) => o.question)).toContain('reach');
  });

  it('a disclosure with no answer in it refers without "didn\'t catch that"', () => {
    const result = send(atPain(), "I've wet myself twice today", [wetting]);
    expect(result.outputs.some((o) => o.kind === 'handoff')).toBe(true);
    expect(result.outputs).not.toContainEqual(expect.objectContaining({ kind: 'say', key: 'notUnderstood' }));
    expect(records(result.outputs, 'pain.score')).toEqual([]);
  });
});

describe('a warning sign mentioned without a clear disclosure', () => {
  const hypothetical: RedFlagHit = { ...wetting, mention: 'hypothetical', matched: 'what if I wet myself' };
  const vague: RedFlagHit = { flagId: 'ces.saddle-numbness', urgency: 'emergency', mention: 'vague', matched: 'down there feels odd' };

  it('asks at once whether it is happening now, records the answer the message also held, and does not refer yet', () => {
    const result = send(atPain(), '4. what would I do if I wet myself?', [hypothetical]);
    expect(result.outputs.some((o) => o.kind === 'handoff')).toBe(false);
    expect(records(result.outputs, 'pain.score')).toHaveLength(1);
    const asked = asks(result.outputs);
    expect(asked.at(-1)).toEqual({ kind: 'ask', question: 'signNow', flagId: 'ces.bladder-incontinence' });
    // The next question waits behind the direct one.
    expect(asked.map((o) => o.question)).not.toContain('reach');
  });

  it('a yes refers at the sign\'s tier', () => {
    const asked = send(atPain(), 'what if I wet myself?', [hypothetical]).conversation;
    const result = send(asked, 'yes');
    expect(result.outputs.some((o) => o.kind === 'handoff' && o.urgency === 'emergency' && o.reasons.includes('ces.bladder-incontinence'))).toBe(true);
    expect(stateName(result.conversation)).toBe('referred');
  });

  it('a no is recorded and the person goes back to the question they were at', () => {
    const asked = send(atPain(), 'what if I wet myself?', [hypothetical]).conversation;
    const result = send(asked, 'no');
    expect(records(result.outputs, 'redFlag.denied')).toEqual([
      { kind: 'record', type: 'redFlag.denied', data: { flagId: 'ces.bladder-incontinence', mention: 'hypothetical', asked: 'now' } },
    ]);
    expect(result.outputs.some((o) => o.kind === 'handoff')).toBe(false);
    expect(asks(result.outputs).at(-1)).toMatchObject({ question: 'pain' });
    expect(result.conversation.context.asking?.question).toBe('pain');
    // And the pain question takes its answer again.
    expect(records(send(result.conversation, '5').outputs, 'pain.score')).toHaveLength(1);
  });

  it('a vague word gets the sign\'s own question; an unclear reply asks again, not "didn\'t catch that"', () => {
    const asked = send(atPain(), 'down there feels odd', [vague]);
    expect(asks(asked.outputs).at(-1)).toEqual({ kind: 'ask', question: 'signQuestion', flagId: 'ces.saddle-numbness' });
    const unclear = send(asked.conversation, 'it is hard to describe really, like when you sit too long on a bike');
    expect(unclear.outputs).toContainEqual({ kind: 'say', key: 'signNow.unclear' });
    expect(asks(unclear.outputs).at(-1)).toMatchObject({ question: 'signQuestion', flagId: 'ces.saddle-numbness', reask: true });
  });

  it('a present disclosure still refers in the same turn with no question first', () => {
    const result = send(atPain(), "I've wet myself", [wetting]);
    expect(asks(result.outputs).some((o) => o.question === 'signNow')).toBe(false);
    expect(result.outputs.some((o) => o.kind === 'handoff' && o.urgency === 'emergency')).toBe(true);
  });

  it('the shell carries the mention from the detector to the machine', () => {
    const events: CoachEvent[] = send(atPain(), 'what if I wet myself?', [hypothetical]).events;
    expect(events).toEqual([{ type: 'SIGN_MENTIONED', at, hits: [hypothetical] }]);
  });
});

describe('an answer between two choices', () => {
  function atReach(): StoredConversation {
    let stored = atPain();
    stored = send(stored, '5').conversation;
    expect(stored.context.asking?.question).toBe('reach');
    return stored;
  }

  it('"down my left leg to the knee" gets a short question, and its answer is recorded with the side', () => {
    const asked = send(atReach(), 'down my left leg to the knee');
    expect(asks(asked.outputs).at(-1)).toEqual({ kind: 'ask', question: 'reachPastKnee' });
    const settled = send(asked.conversation, 'no');
    expect(records(settled.outputs, 'screening.answer')).toEqual([
      { kind: 'record', type: 'screening.answer', data: { question: 'reach', value: 'buttock_thigh', side: 'left' } },
    ]);
    expect(settled.conversation.context.asking?.question).toBe('sides');
  });
});

describe('a message that is not an answer', () => {
  const atConsent = () => {
    const stored = start();
    expect(stored.context.asking?.question).toBe('consent');
    return stored;
  };
  const says = (outputs: Output[]) => outputs.flatMap((o) => (o.kind === 'say' ? [o.key] : []));

  it('"hi" at consent gets a greeting and the consent question again', () => {
    const result = send(atConsent(), 'hi');
    expect(says(result.outputs)).toContain('greeting.again');
    expect(asks(result.outputs).at(-1)).toMatchObject({ question: 'consent', reask: true });
    expect(records(result.outputs, 'consent.given')).toEqual([]);
  });

  it('a statement at consent is not a yes: a one-line clarification with the buttons', () => {
    const result = send(atConsent(), 'I am in a lot of pain');
    expect(records(result.outputs, 'consent.given')).toEqual([]);
    expect(says(result.outputs)).toContain('unclear.consent');
    expect(asks(result.outputs).at(-1)).toMatchObject({ question: 'consent', reask: true });
  });

  it('never the same "didn\'t catch that" twice in a row', () => {
    const first = send(atPain(), 'it is hard to put into words');
    const second = send(first.conversation, 'well, you know, the usual');
    const firstLine = says(first.outputs).filter((key) => key.startsWith('unclear.'));
    const secondLine = says(second.outputs).filter((key) => key.startsWith('unclear.'));
    expect(firstLine).toEqual(['unclear.score']);
    expect(secondLine).toHaveLength(1);
    expect(secondLine).not.toEqual(firstLine);
  });

  it('says what it did understand before asking for the missing part', () => {
    const result = send(atPain(), 'my lower back');
    expect(result.outputs).toContainEqual({ kind: 'say', key: 'heard.region', vars: { region: 'lumbar' } });
    expect(says(result.outputs)).toContain('unclear.score');
  });

  it('a question back gets that question\'s help text, then the question again', () => {
    const result = send(atPain(), 'what does 0 mean?');
    expect(says(result.outputs)).toContain('help.pain');
    expect(records(result.outputs, 'pain.score')).toEqual([]);
    expect(asks(result.outputs).at(-1)).toMatchObject({ question: 'pain', reask: true });
  });

  it('another language: English only, a clinician offered, nothing taken as an answer', () => {
    const result = send(atConsent(), 'Hola, no hablo mucho inglés');
    expect(says(result.outputs)).toContain('language.englishOnly');
    expect(records(result.outputs, 'consent.given')).toEqual([]);
    expect(records(result.outputs, 'consent.declined')).toEqual([]);
    expect(content.conversation.messages['language.englishOnly']).toMatch(/clinician/);
  });

  it.each(['😣', '__proto__', 'constructor', 'toString'])('"%s" gets a clear reply and the question again', (text) => {
    const result = send(atPain(), text);
    expect(records(result.outputs, 'pain.score')).toEqual([]);
    expect(says(result.outputs).length).toBeGreaterThan(0);
    expect(asks(result.outputs).at(-1)).toMatchObject({ question: 'pain', reask: true });
  });
});
