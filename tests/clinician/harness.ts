import { postActivity, type BotActivity } from '../helpers/botClient.ts';
import { startConnectedBot, type ConnectedBot } from '../helpers/connectedBot.ts';
import { onboard } from '../helpers/onboarding.ts';
import { listLiveCases } from '../../src/clinician/store.ts';

export const TOKEN = 'test-clinician-token-0123456789';

/** A Teams channel of the care team, posting to the bot's /api/messages as Teams does. */
export function careTeamChannel(url: string, serviceUrl: string, suffix = Math.random().toString(36).slice(2, 8)) {
  const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const channelId = `19:care${suffix}@thread.tacv2`;
  const bot = { id: '28:00000000-0000-0000-0000-00000000b0t1', name: 'Disc coach' };
  let counter = 0;
  const envelope = (from: { id: string; name: string; aadObjectId?: string }, extra: Record<string, unknown>, thread = `${channelId};messageid=17000000000${suffix.length}`) => ({
    channelId: 'msteams',
    serviceUrl,
    deliveryMode: 'expectReplies',
    id: `17${Date.now()}${++counter}`,
    from,
    recipient: bot,
    conversation: { id: thread, conversationType: 'channel', isGroup: true, tenantId },
    channelData: { tenant: { id: tenantId }, team: { id: `19:team${suffix}@thread.tacv2` }, channel: { id: channelId } },
    ...extra,
  });
  const post = (body: unknown) => postActivity(url, body);
  const clinician: { id: string; name: string; aadObjectId?: string } = { id: '29:1clinicianAbC', name: 'Dr Sam Lee', aadObjectId: '11111111-2222-3333-4444-555555555555' };
  return {
    channelId,
    tenantId,
    clinician,
    say: (text: string, from = clinician) => post(envelope(from, { type: 'message', text: `<at>Disc coach</at> ${text}`, entities: [{ type: 'mention', text: '<at>Disc coach</at>', mentioned: bot }] })),
    submit: (value: unknown, from = clinician) => post(envelope(from, { type: 'message', value, replyToId: '1700000000001' })),
  };
}

/** A pairing code from the console (bearer auth, as a script would). */
export async function pairingCode(url: string): Promise<string> {
  const response = await fetch(`${url}/clinician/pairing`, { method: 'POST', redirect: 'manual', headers: { authorization: `Bearer ${TOKEN}`, 'x-clinician-name': 'Dr Sam Lee', 'content-type': 'application/x-www-form-urlencoded' }, body: 'csrf=bearer' });
  const location = response.headers.get('location') ?? '';
  const code = /code=([A-Z0-9-]+)/.exec(location)?.[1];
  if (!code) throw new Error(`no pairing code (HTTP ${response.status}, location ${location})`);
  return code;
}

export interface ClinicianWorld extends ConnectedBot {
  clock: { now: Date; advance(minutes: number): void };
}

export async function startClinicianWorld(env: Record<string, string> = {}): Promise<ClinicianWorld> {
  const clock = {
    now: new Date('2026-03-02T09:00:00Z'),
    advance(minutes: number) {
      this.now = new Date(this.now.getTime() + minutes * 60_000);
    },
  };
  const world = await startConnectedBot('pglite', { CLINICIAN_TOKEN: TOKEN, CLINICIAN_CONSOLE_URL: 'https://coach.example.org/clinician', ...env }, () => clock.now);
  return { ...world, clock };
}

/**
 * A new person, screened, tells of a warning sign in `disclosure`; the care team's service takes
 * the handoff up. Returns the person, the bot's replies to the disclosure and the case it opened.
 */
export async function openCase(world: ClinicianWorld, disclosure: string) {
  const person = world.person();
  await onboard(person);
  const replies = await person.say(disclosure);
  await world.bot.app.clinician.service.wake();
  const item = (await listLiveCases(world.bot.app.db)).find((c) => c.conversationId === person.conversationId);
  if (!item) throw new Error(`no live case after "${disclosure}"`);
  return { person, replies, item };
}
