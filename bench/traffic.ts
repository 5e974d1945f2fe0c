/**
 * The benchmark's traffic: many conversations, each a realistic script of Bot Framework activities
 * (deliveryMode expectReplies). The onboarding part is discovered once against a running bot, so it
 * follows the screening questions the content asks today; the rest is fixed.
 */
import { allText, buttons, Person } from '../tests/helpers/botClient.ts';
import { onboard } from '../tests/helpers/onboarding.ts';

export type Kind = 'greeting' | 'screening' | 'free text' | 'exercise' | 'check-in';

export interface Step {
  kind: Kind;
  /** A message's text, or undefined for the join (conversationUpdate) that opens a conversation. */
  text?: string;
}

/** Free text with no warning sign, long enough to give the detector work (kept near real length). */
const FREE_TEXT = [
  'it was ok, a bit stiff in the morning but no numbness or tingling anywhere, I managed the walk to the shop',
  'how long will this take to get better? my physio said a few weeks but I have a wedding in June',
  'I slept badly because of the pain in my calf, it eased after a hot shower and walking around the kitchen',
];
const EXERCISE = ['my leg feels better', 'no change', 'my back is a bit sore', 'the pain moved up towards my back', 'centralized', 'no change', 'my leg feels better'];
const CHECK_IN = ['good morning', '3/10 today', 'a bit better than yesterday, the leg pain is less', 'yes I did all of them'];
/** Every 20th conversation discloses an emergency warning sign mid-session (handoff + outbox). */
const WARNING = "I don't have much pain, I can't feel when I wipe though";
export const WARNING_EVERY = 20;

/** Walks one conversation through screening against a running bot and records what was typed. */
export async function discoverOnboarding(url: string): Promise<Step[]> {
  const person = new Person(url);
  const typed: string[] = [];
  const say = person.say.bind(person);
  person.say = async (text: string) => {
    typed.push(text);
    return say(text);
  };
  await person.join();
  await onboard(person);
  // The last answer confirmed the summary; the offer to start comes next.
  const offer = await say('start');
  if (!buttons(offer).length) throw new Error(`benchmark script: no exercise after "start": ${allText(offer)}`);
  return [
    { kind: 'greeting' },
    ...typed.map((text, index): Step => ({ kind: index === 0 ? 'greeting' : 'screening', text })),
    { kind: 'exercise', text: 'start' },
  ];
}

/** The whole script of one conversation: onboarding, a session with free text, then check-in answers. */
export function conversationScript(onboarding: Step[]): Step[] {
  const session: Step[] = [];
  EXERCISE.forEach((text, index) => {
    session.push({ kind: 'exercise', text });
    if (index % 2 === 1) session.push({ kind: 'free text', text: FREE_TEXT[(index >> 1) % FREE_TEXT.length] });
  });
  return [...onboarding, ...session, ...CHECK_IN.map((text): Step => ({ kind: text === 'good morning' ? 'greeting' : 'check-in', text }))];
}

/** Where the warning-sign message replaces a free-text step in every WARNING_EVERY-th conversation. */
export function warningStep(script: Step[]): number {
  return script.findIndex((step) => step.kind === 'free text');
}

export function mix(script: Step[]): Record<Kind, number> {
  const counts = { greeting: 0, screening: 0, 'free text': 0, exercise: 0, 'check-in': 0 } as Record<Kind, number>;
  for (const step of script) counts[step.kind]++;
  return counts;
}

let activityCounter = 0;

export function activityBody(conversationId: string, userId: string, step: Step): string {
  const base = {
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    id: `act-${++activityCounter}`,
    from: { id: userId, name: 'Pat' },
    recipient: { id: 'bot', name: 'coach' },
    conversation: { id: conversationId },
    locale: 'en-GB',
    timestamp: new Date().toISOString(),
  };
  return JSON.stringify(step.text === undefined ? { ...base, type: 'conversationUpdate', membersAdded: [{ id: userId }] } : { ...base, type: 'message', text: step.text });
}

/**
 * autocannon requests: one per step; a connection walks a conversation from its first step to its
 * last, then starts a new one (autocannon resets the context when it wraps around).
 */
export function autocannonRequests(script: Step[], prefix: string) {
  let conversations = 0;
  const warnAt = warningStep(script);
  return {
    started: () => conversations,
    requests: script.map((step, index) => ({
      method: 'POST' as const,
      path: '/api/messages',
      headers: { 'content-type': 'application/json' },
      setupRequest(request: Record<string, unknown>, context: Record<string, unknown>) {
        if (index === 0 || context.conversation === undefined) {
          const n = ++conversations;
          context.conversation = `${prefix}-${n}`;
          context.user = `${prefix}-user-${n}`;
          context.warn = n % WARNING_EVERY === 0;
        }
        const chosen = index === warnAt && context.warn ? { kind: step.kind, text: WARNING } : step;
        request.body = activityBody(String(context.conversation), String(context.user), chosen);
        return request;
      },
    })),
  };
}
