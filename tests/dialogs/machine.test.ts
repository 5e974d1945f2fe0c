import { describe, expect, it } from 'vitest';
import { createCoachMachine } from '../../dialogs/machine.ts';
import { buildCatalog } from '../../src/content/index.ts';
import { step, stateName, type StoredConversation } from '../../dialogs/step.ts';
import { realContent } from '../helpers/content.ts';
import type { CoachEvent } from '../../dialogs/types.ts';

const at = '2026-11-27T08:00:00.000Z';
const say = (text: string, extra: Record<string, unknown> = {}): CoachEvent => ({ type: 'MESSAGE', at, understanding: { text, ...extra } });

function walk(machine: ReturnType<typeof createCoachMachine>, events: CoachEvent[], from: StoredConversation | null = null) {
  let conversation = from;
  const outputs = [];
  for (const event of events) {
    const result = step(machine, conversation, [event]);
    conversation = result.conversation;
    outputs.push(...result.outputs);
  }
  return { conversation: conversation!, outputs };
}

describe('consent versions', () => {
  it('asks again when the consent text changed since the person agreed, then carries on', () => {
    const catalog = buildCatalog(realContent());
    const old = createCoachMachine({ ...catalog, consentVersion: 'old' });
    const { conversation } = walk(old, [say('hi'), say('yes', { yesNo: 'yes' })]);
    expect(stateName(conversation)).toBe('screening.region');
    const current = createCoachMachine(catalog);
    const asked = walk(current, [say('lower back', { region: 'lumbar' })], conversation);
    expect(stateName(asked.conversation)).toBe('reconsent');
    expect(asked.outputs).toContainEqual({ kind: 'say', key: 'consentChanged' });
    const agreed = walk(current, [say('yes', { yesNo: 'yes' })], asked.conversation);
    expect(agreed.outputs).toContainEqual({ kind: 'record', type: 'consent.given', data: { version: catalog.consentVersion } });
    expect(stateName(agreed.conversation)).toBe('screening.pain');
  });
});

describe('stored snapshots of another machine version', () => {
  it('restarts politely, keeping the clinical facts, instead of crashing', () => {
    const machine = createCoachMachine(buildCatalog(realContent()));
    const { conversation } = walk(machine, [say('hi'), say('yes', { yesNo: 'yes' }), say('neck', { region: 'cervical' })]);
    const older = { ...conversation, machineVersion: 0, value: { somewhere: 'gone' } };
    const result = step(machine, older, [say('hello')]);
    expect(result.restarted).toBe(true);
    expect(result.outputs[0]).toEqual({ kind: 'say', key: 'restartPolitely' });
    expect(result.conversation.context.profile.region).toBe('cervical');
    const broken = { ...conversation, value: { screening: 'no-such-state' } };
    expect(() => step(machine, broken, [say('hello')])).not.toThrow();
  });
});

describe('coming back after a referral', () => {
  it('resumes screening at the question the person was at, across stored turns', () => {
    const machine = createCoachMachine(buildCatalog(realContent()));
    const { conversation } = walk(machine, [say('hi'), say('yes', { yesNo: 'yes' }), say('neck', { region: 'cervical' }), say('5', { score: 5 })]);
    expect(stateName(conversation)).toBe('screening.reach');
    const referred = step(machine, conversation, [
      { type: 'RED_FLAG', at, hits: [{ flagId: 'myelopathy.hands', urgency: 'urgent', matched: 'dropping things' }], understanding: { text: 'I keep dropping things' } },
    ]);
    expect(stateName(referred.conversation)).toBe('referred');
    // An urgent hold: the person's statement is three short answers (issue 16, item 1).
    const back = step(machine, referred.conversation, [
      { type: 'CLINICIAN_ASSESSED', at, text: 'my GP checked me' },
      say('yes', { yesNo: 'yes' }),
      say('my GP', { choice: 'gp' }),
      say('yes', { yesNo: 'yes' }),
    ]);
    expect(stateName(back.conversation)).toBe('screening.reach');
    expect(back.outputs).toContainEqual(expect.objectContaining({ kind: 'ask', question: 'reach' }));
  });
});

describe('while a clinician owns the conversation', () => {
  it('relays "I was seen" to the clinician instead of lifting the exercise hold itself', () => {
    const machine = createCoachMachine(buildCatalog(realContent()));
    const { conversation } = walk(machine, [say('hi'), say('yes', { yesNo: 'yes' })]);
    const referred = step(machine, conversation, [
      { type: 'RED_FLAG', at, hits: [{ flagId: 'ces.bladder-retention', urgency: 'emergency', matched: "can't pee" }] },
      { type: 'CLINICIAN_JOINED', at, clinician: 'Sam', caseId: '7' },
    ]);
    const seen = step(machine, referred.conversation, [{ type: 'CLINICIAN_ASSESSED', at, text: 'I was seen in A&E' }]);
    expect(seen.outputs).toContainEqual({ kind: 'relay', text: 'I was seen in A&E', caseId: '7' });
    expect(seen.conversation.context.referral?.exerciseOnHold).toBe(true);
    expect(stateName(seen.conversation)).toBe('withClinician');
    const handedBack = step(machine, seen.conversation, [{ type: 'CLINICIAN_LEFT', at, outcome: 'seen_in_ed' }]);
    expect(stateName(handedBack.conversation)).toBe('referred');
    const cleared = step(machine, seen.conversation, [{ type: 'CLINICIAN_LEFT', at, outcome: 'cleared_to_exercise' }]);
    expect(cleared.conversation.context.referral?.exerciseOnHold).toBe(false);
  });
});
