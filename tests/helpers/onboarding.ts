import { allText, buttons, type BotActivity, type Person } from './botClient.ts';

export interface OnboardingAnswers {
  region?: string;
  pain?: string;
  reach?: string;
  sides?: string;
  onset?: string;
  surgery?: string;
  weeks?: string;
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
  if (/surgery/i.test(allText(replies))) replies = await step(answers.surgery ?? 'no surgery');
  if (/weeks ago/i.test(allText(replies))) replies = await step(answers.weeks ?? '8');
  if (/kilogram/i.test(allText(replies))) replies = await step('10');
  // Warning-sign questions come one at a time with Yes/No buttons, until the summary.
  for (let i = 0; i < 40 && !/is that right/i.test(allText(replies)); i++) {
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
