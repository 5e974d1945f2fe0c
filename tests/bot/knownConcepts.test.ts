import { describe, expect, it } from 'vitest';
import type { StoredConversation } from '../../dialogs/step.ts';
import { eventsForMessage, knownConcepts } from '../../src/bot/understand.ts';
import { createBot } from '../nlu/corpus/harness.ts';

const bot = createBot();
const conversation = (profile: Record<string, unknown>) => ({ context: { profile, asking: null }, recent: [] }) as unknown as StoredConversation;
const flagsFor = (text: string, stored: StoredConversation) =>
  eventsForMessage({ text, at: '2026-11-27T09:00:00.000Z', maxLength: 4000 }, stored, bot.questions, bot.nlu).flatMap((event) => (event.type === 'RED_FLAG' ? event.hits.map((hit) => hit.flagId) : []));

describe('what the conversation already knows shapes the warning signs', () => {
  it('reads chest pain with breathlessness as a possible clot in someone who told us about their spine operation', () => {
    expect(flagsFor('my chest hurts and I am breathless', conversation({ region: 'lumbar', surgery: 'discectomy' }))).toContain('postop.clot');
    // Without an operation it is still an emergency (the heart), but not the post-operative sign.
    const without = flagsFor('my chest hurts and I am breathless', conversation({ region: 'lumbar', surgery: 'none' }));
    expect(without).toContain('vascular.cardiac');
    expect(without).not.toContain('postop.clot');
  });

  it('knows the operation, the neck and the mid back from the profile, and nothing from an empty one', () => {
    expect(knownConcepts(conversation({ region: 'cervical', surgery: 'fusion' }))).toEqual(['after-surgery', 'neck']);
    expect(knownConcepts(conversation({ region: 'thoracic', surgery: 'none' }))).toEqual(['mid-back']);
    expect(knownConcepts(null)).toEqual([]);
  });
});
