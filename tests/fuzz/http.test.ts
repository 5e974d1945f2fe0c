import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { handoffs, Person } from '../helpers/botClient.ts';
import { readConversation } from '../../src/store/conversations.ts';
import { botForSuite } from '../helpers/suiteBot.ts';

const DISCLOSURES = [
  "i cant feel the toilet paper when i wipe",
  'I wet myself on the way to the toilet',
  "I can't empty my bladder properly",
  'both my legs have gone weak and wobbly since this morning',
];
const BENIGN = ['we walked the dog in the park', 'coffee was nice today', 'my daughter visited', 'it rained all morning', 'I watched a film'];

const randomText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom('', ' ', '\u0000', '\u202e', 'yes', 'no', '6/10', 'delete my data', 'yes', 'export my data'));
const randomValue = fc.oneof(fc.constant(undefined), fc.anything(), fc.record({ choice: fc.string({ maxLength: 120 }), question: fc.string({ maxLength: 120 }) }, { requiredKeys: [] }));
const randomType = fc.oneof(fc.constantFrom('message', 'message', 'message', 'conversationUpdate', 'installationUpdate', 'event', 'invoke', 'typing', 'endOfConversation', 'messageReaction'), fc.string({ maxLength: 20 }));

describe('fuzz over HTTP', () => {
  const bot = botForSuite('pglite', { RATE_LIMIT_MESSAGES: '10000' });

  it('random and adversarial bodies never get a 5xx, never stop the process, and leave the conversation readable', async () => {
    const person = new Person(bot.url);
    await person.say('hi');
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 3, arbitrary: fc.record({ type: randomType, text: randomText, value: randomValue, id: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }) }, { requiredKeys: ['type'] }).map((extra) => JSON.stringify(person.activity(extra))) },
          { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
          { weight: 1, arbitrary: fc.string({ maxLength: 400 }) },
          { weight: 1, arbitrary: fc.record({ type: fc.constant('message'), text: randomText, conversation: fc.anything(), from: fc.anything(), recipient: fc.anything(), serviceUrl: fc.anything() }).map((body) => JSON.stringify(body)) },
        ),
        async (body) => {
          const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          await response.arrayBuffer();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status, body.slice(0, 300)).toBeLessThan(500);
        },
      ),
      { numRuns: 250 },
    );
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    const row = await readConversation(bot.app.db, person.conversationId);
    // Still one consistent snapshot (unless a fuzzed "delete my data" + "yes" erased it, which is allowed).
    if (row) expect(row.version).toBeGreaterThan(0);
    // The conversation still answers, and a disclosure still refers.
    const replies = await person.say('I wet myself on the way to the toilet');
    expect(handoffs(replies)).toHaveLength(1);
  }, 180_000);

  it('a disclosure with random benign text around it, sent over HTTP, always yields a handoff', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...DISCLOSURES), fc.array(fc.constantFrom(...BENIGN), { maxLength: 3 }), fc.array(fc.constantFrom(...BENIGN), { maxLength: 3 }), fc.boolean(), async (disclosure, before, after, onboarded) => {
        const person = new Person(bot.url);
        if (onboarded) {
          await person.say('hi');
          await person.say('yes');
        }
        const replies = await person.say([...before, disclosure, ...after].join('. '));
        expect(handoffs(replies), disclosure).toHaveLength(1);
        const outbox = await bot.app.db.query('select 1 from handoff_outbox where conversation_id = $1', [person.conversationId]);
        expect(outbox).toHaveLength(1);
      }),
      { numRuns: 30 },
    );
  }, 180_000);
});
