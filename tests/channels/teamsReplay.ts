import { postActivity, type BotActivity } from '../helpers/botClient.ts';

/** Teams-shaped ids and envelopes, as Teams sends them to /api/messages in a personal chat. */
export function teamsPerson(url: string, suffix = Math.random().toString(36).slice(2, 10)) {
  const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const user = { id: `29:1${suffix}XyZ-aBcDeFgHiJkLmNoPqRsTuVwXyZ_0123456789`, name: 'Pat Doe', aadObjectId: '6f8a3b1c-0d2e-4f5a-8b9c-1d2e3f4a5b6c' };
  const bot = { id: '28:00000000-0000-0000-0000-00000000b0t1', name: 'Back and neck coach' };
  const conversation = { id: `a:1${suffix}Qw3rTy_uIoP-aSdFgHjKl.ZxCvBnM0123456789`, conversationType: 'personal', tenantId };
  let counter = 0;
  const envelope = (extra: Record<string, unknown>) => ({
    channelId: 'msteams',
    // Replies go in the HTTP body (expectReplies); this address is never called.
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    deliveryMode: 'expectReplies',
    id: `1${Date.now()}${++counter}`,
    timestamp: new Date().toISOString(),
    localTimezone: 'Europe/London',
    from: user,
    recipient: bot,
    conversation,
    channelData: { tenant: { id: tenantId } },
    ...extra,
  });
  const post = (body: unknown) => postActivity(url, body);
  return {
    user,
    bot,
    conversation,
    post,
    /** Teams installs the app in a personal scope: the bot is added, then installationUpdate "add". */
    installActivities: () => [
      envelope({ type: 'conversationUpdate', membersAdded: [{ id: bot.id }], channelData: { tenant: { id: tenantId }, eventType: 'teamMemberAdded' } }),
      envelope({ type: 'installationUpdate', action: 'add' }),
    ],
    uninstall: () => envelope({ type: 'installationUpdate', action: 'remove' }),
    message: (text: string) => envelope({ type: 'message', text, textFormat: 'plain', locale: 'en-GB' }),
    /** What Teams sends for an Adaptive Card Action.Submit: the action's data as `value`, no text. */
    submit: (data: unknown) => envelope({ type: 'message', value: data, channelData: { tenant: { id: tenantId }, source: { name: 'message' } }, replyToId: '1700000000000' }),
  };
}

/** The answer a person gives to each onboarding question: every warning-sign question gets "No". */
export function onboardingAnswer(buttons: string[]): string | undefined {
  const prefer = ['Yes, I agree', 'Lower back', '4', 'Buttock or thigh', 'One side', 'Within 2 weeks', 'No surgery', 'My GP or another doctor', 'Start exercises'];
  const hit = prefer.find((label) => buttons.includes(label));
  if (hit) return hit;
  if (buttons.includes('No, start again') || buttons.includes("Yes, that's right")) return 'Yes';
  // Age is typed (issue 16); a card of warning-sign questions has "None of these" as one tap.
  if (buttons.includes("I'd rather not say")) return '42';
  if (buttons.includes('None of these')) return 'None of these';
  if (buttons.includes('No, nothing new')) return 'No, nothing new';
  if (buttons.includes('No')) return 'No';
  return undefined;
}
