/**
 * Turns to the first exercise (issue 16, item 11): how many messages a person sends, from "hi" to
 * the first exercise card, for a low-back intake with no warning sign. Drives the pure core as the
 * shell does (content, NLU, eventsForMessage, step), answering each question with its button.
 *
 *   npx tsx bench/intakeTurns.ts [lumbar|thoracic|cervical] [--text] [--json]
 *
 * `--text` is a plain-text channel (one question at a time); without it the person has a card
 * channel, where a group of warning-sign questions comes as one card (when the bot offers it).
 */
import { resolve } from 'node:path';
import { createCoachMachine } from '../dialogs/machine.ts';
import { step, type StoredConversation } from '../dialogs/step.ts';
import type { CoachEvent, Output, Region } from '../dialogs/types.ts';
import type { CardValue } from '../src/bot/inbound.ts';
import { createNlu } from '../src/bot/nlu.ts';
import { eventsForMessage } from '../src/bot/understand.ts';
import { withCardDetails } from '../src/bot/inbound.ts';
import { buildCatalog, loadContent } from '../src/content/index.ts';

export interface IntakeCount {
  region: Region;
  channel: 'cards' | 'text';
  /** Messages the person sent before the first exercise was shown. */
  turns: number;
  /** Of those, answers to a yes/no question (warning-sign questions, consent, confirm, ...). */
  yesNo: number;
  /** The question keys answered, in order (a group card counts once). */
  asked: string[];
  reachedExercise: boolean;
}

const AT = '2026-11-27T09:00:00.000Z';

/** What a person with a plain low-back (or neck, mid-back) disc problem and no warning sign would press. */
function answerFor(question: string, region: Region, choices: string[]): CardValue | { text: string } {
  const has = (value: string) => choices.includes(value);
  const pick = (...values: string[]): CardValue => ({ choice: values.find(has) ?? choices[0] ?? 'no' });
  switch (question) {
    case 'region':
      return { choice: region };
    case 'pain':
      return { choice: '6' };
    case 'reach':
      return pick(region === 'cervical' ? 'arm_hand' : region === 'thoracic' ? 'spine_only' : 'below_knee');
    case 'sides':
      return pick('one');
    case 'onset':
      return pick('under_6_weeks');
    case 'surgery':
    case 'hadSurgery':
      return pick('none', 'no');
    case 'age':
      return { text: '42' };
    case 'diagnosedBy':
      return pick('doctor');
    case 'pregnancy':
      return pick('not_applicable', 'no');
    case 'startSession':
      return pick('yes');
    case 'reachBeforeLeg':
    case 'reachBeforeArm':
      return pick('far');
    case 'consent':
    case 'confirm':
      return pick('yes');
    default:
      // Warning-sign questions and their group cards: no, or "none of these".
      return pick('none_of_these', 'no', 'none');
  }
}

export function countIntakeTurns(region: Region = 'lumbar', channel: 'cards' | 'text' = 'cards', contentDir = resolve(import.meta.dirname, '../content')): IntakeCount {
  const { content, problems } = loadContent(contentDir);
  if (!content) throw new Error(problems.join('\n'));
  const machine = createCoachMachine(buildCatalog(content));
  const nlu = createNlu(content);
  const questions = content.conversation.questions;
  let stored: StoredConversation | null = null;
  const asked: string[] = [];
  let turns = 0;
  let yesNo = 0;
  let outputs: Output[] = [];
  const send = (events: (s: StoredConversation | null) => CoachEvent[]) => {
    const result = step(machine, stored, events(stored));
    stored = result.conversation;
    outputs = result.outputs;
  };
  turns++;
  send((s) => withCardDetails(eventsForMessage({ text: 'hi', at: AT, maxLength: 4000 }, s, questions, nlu), undefined, channel === 'cards'));
  for (let i = 0; i < 200; i++) {
    if (outputs.some((o) => o.kind === 'exercise')) return { region, channel, turns, yesNo, asked, reachedExercise: true };
    const asking = (stored as StoredConversation | null)?.context.asking;
    if (!asking) break;
    const question = questions[asking.question];
    const choices = question?.choices.map((c) => c.value) ?? [];
    const groupCard = channel === 'cards' ? (stored as StoredConversation | null)?.context.asking?.group : undefined;
    const answer = answerFor(asking.question, region, choices);
    asked.push(groupCard ? `${asking.question}[${groupCard.length}]` : asking.flagId ? `${asking.question}:${asking.flagId}` : asking.question);
    if (choices.includes('yes') && choices.includes('no')) yesNo++;
    turns++;
    const card = 'choice' in answer ? { ...answer, question: asking.flagId ? `${asking.question}:${asking.flagId}` : asking.question } : undefined;
    const text = 'text' in answer ? answer.text : '';
    send((s) => withCardDetails(eventsForMessage({ text, card, at: AT, maxLength: 4000 }, s, questions, nlu), card, channel === 'cards'));
  }
  return { region, channel, turns, yesNo, asked, reachedExercise: false };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const region = (process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'lumbar') as Region;
  const channel = process.argv.includes('--text') ? 'text' : 'cards';
  const count = countIntakeTurns(region, channel);
  if (process.argv.includes('--json')) console.log(JSON.stringify(count, null, 2));
  else {
    console.log(`${region}, ${channel} channel: ${count.turns} turns to the first exercise${count.reachedExercise ? '' : ' (NOT reached)'}, ${count.yesNo} of them yes/no answers`);
    console.log(count.asked.join(' → '));
  }
}
