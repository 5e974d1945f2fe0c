import { allText, buttons, type BotActivity, type Person } from './botClient.ts';

export interface OnboardingAnswers {
  region?: string;
  pain?: string;
  reach?: string;
  sides?: string;
  onset?: string;
  surgery?: string;
  weeks?: string;
  /** Age, asked on its own (issue 16). */
  age?: string;
  /** When the operation was ("10 days ago"), and the surgeon's lifting limit. */
  surgeryWhen?: string;
  liftingLimit?: string;
  /** The care-pathway questions when coaching starts (issue 16): who diagnosed it, pregnancy, a shifted trunk. */
  diagnosedBy?: string;
  pregnant?: string;
  shifted?: string;
}

/**
 * Walks a person through consent and screening by typing, answering "no" to every warning-sign
 * question, until the bot confirms. Returns every reply seen on the way.
 */
export async function onboard(person: Person, answers: OnboardingAnswers = {}, confirm?: (text: string) => Promise<BotActivity[]>): Promise<BotActivity[]> {
  const seen: BotActivity[] = [];
  const step = async (text: string) => {
    const replies = await person.say(text);
    seen.push(...replies);
    return replies;
  };
  await step('hi');
  await step('yes');
  await step(answers.region ?? 'lower back');
  let replies = await step(answers.pain ?? '6/10');
  if (/how far/i.test(allText(replies))) replies = await step(answers.reach ?? 'down to my calf');
  if (/one side or both/i.test(allText(replies))) replies = await step(answers.sides ?? 'just the left');
  if (/when did/i.test(allText(replies))) replies = await step(answers.onset ?? 'last week');
  if (/how old are you/i.test(allText(replies))) replies = await step(answers.age ?? '42');
  if (/surgery/i.test(allText(replies))) replies = await step(answers.surgery ?? 'no surgery');
  if (/which operation/i.test(allText(replies))) replies = await step('discectomy');
  if (/when was the operation/i.test(allText(replies))) replies = await step(answers.surgeryWhen ?? 'About 6 weeks ago');
  if (/weeks ago/i.test(allText(replies)) && /how many weeks/i.test(allText(replies))) replies = await step(answers.weeks ?? '8');
  if (/how much you may lift/i.test(allText(replies))) replies = await step(answers.liftingLimit ?? '10 kg (22 lb)');
  // Warning-sign questions come one at a time with Yes/No buttons, until the summary.
  for (let i = 0; i < 40 && !/is that right/i.test(allText(replies)); i++) {
    // On a card channel a tier's questions come as one card, with "None of these" on it (issue 16).
    const onCard = replies.some((a) => (a.attachments ?? []).some((att) => JSON.stringify(att.content ?? {}).includes('None of these')));
    if (onCard) {
      replies = await step('None of these');
      continue;
    }
    if (!buttons(replies).includes('No')) throw new Error(`unexpected question during screening: ${allText(replies)}`);
    replies = await step('no');
  }
  // The "yes" that completes screening (a caller may send it its own way, e.g. with a time zone).
  if (confirm) {
    replies = await confirm('yes');
    seen.push(...replies);
  } else replies = await step('yes');
  // The care-pathway questions that open coaching, until today's session is offered.
  for (let i = 0; i < 6; i++) {
    const text = allText(replies);
    if (/who told you/i.test(text)) replies = await step(answers.diagnosedBy ?? 'my GP');
    else if (/are you pregnant/i.test(text)) replies = await step(answers.pregnant ?? 'no');
    else if (/shifted to one side/i.test(text)) replies = await step(answers.shifted ?? 'no');
    else if (/thin bones/i.test(text)) replies = await step('no');
    else break;
  }
  return seen;
}
