import { TestAdapter, type Activity } from 'botbuilder';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { SpacingLimiter } from '../../src/proactive/limiter.ts';
import { replyBudget } from '../../src/bot/replyBudget.ts';
import type { OutboundActivity } from '../../src/ports/messaging.ts';
import { ProactiveSender, teamsLimits } from '../../src/proactive/sender.ts';

const silent = pino({ level: 'silent' });
const SPACING = 1000 / (50 * 0.96);

function teamsAdapter(replies: number) {
  const limiters = { tenants: new SpacingLimiter(50), conversations: new SpacingLimiter(7) };
  const adapter = new TestAdapter(
    async (context) => {
      for (let i = 0; i < replies; i++) await context.sendActivity(`reply ${i + 1}`);
    },
    { channelId: 'msteams', conversation: { id: 'conv-1', tenantId: 'tenant-contoso' } as never, from: { id: 'u1', name: 'Pat' }, recipient: { id: 'bot', name: 'coach' } },
  );
  adapter.use(replyBudget(limiters, silent));
  return { adapter, limiters };
}

describe('replies to a person count against the tenant limit the check-ins use', () => {
  it('a reply goes out at once and moves the tenant and conversation queues back', async () => {
    const { adapter, limiters } = teamsAdapter(3);
    await adapter.send('my leg feels numb').assertReply('reply 1').assertReply('reply 2').assertReply('reply 3');
    expect(limiters.tenants.peek('tenant-contoso')).toBeGreaterThan(2 * SPACING);
    expect(limiters.conversations.peek('conv-1')).toBeGreaterThan(2 * (1000 / (7 * 0.96)));
    expect(limiters.tenants.peek('tenant-fabrikam')).toBe(0);
  });

  it('proactive turns (paced by the sender already) and expectReplies turns (nothing posted) take no slot', async () => {
    const { adapter, limiters } = teamsAdapter(2);
    await adapter.processActivity({ type: 'event', name: 'ContinueConversation' } as Partial<Activity>, async (context) => {
      await context.sendActivity('Good morning');
    });
    await adapter.send({ type: 'message', text: 'hello', deliveryMode: 'expectReplies' } as Partial<Activity>);
    expect(limiters.tenants.peek('tenant-contoso')).toBe(0);
  });

  it("after a burst of replies in a tenant, a check-in there waits its turn instead of pushing the tenant over the limit", async () => {
    const { adapter } = teamsAdapter(48);
    const posted: OutboundActivity[] = [];
    const sender = new ProactiveSender(
      { withConversation: (reference, fn) => fn({ reference, post: async (activity) => void posted.push(activity), update: async () => {} }) },
      { ...teamsLimits, maxInlineWaitMs: 300 },
    );
    adapter.use(replyBudget(sender, silent));
    await adapter.send('hi');
    const result = await sender.deliver({ reference: {}, tenantKey: 'tenant-contoso', conversationKey: 'someone-else', delivered: 0, attempts: 0, activities: async () => [{ type: 'message', text: 'Good morning' }] });
    expect(result.outcome).toBe('retry');
    expect(result.outcome === 'retry' && result.delayMs).toBeGreaterThan(500);
    expect(posted).toEqual([]);
  });
});
