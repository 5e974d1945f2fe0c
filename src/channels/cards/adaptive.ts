import type { Attachment } from 'botbuilder';
import type { Choice, ExerciseView } from '../../bot/render.ts';
import type { PictureFolder } from './pictures.ts';

/** Adaptive Cards 1.5: the newest version Teams renders; Web Chat renders it too. */
export const ADAPTIVE_CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface CardQuestion {
  text: string;
  /** The question id, sent back with the choice so a tap on an old card can be told apart. */
  question?: string;
  choices: Choice[];
}

export interface CardOptions {
  /** Web Chat: send the choice as messageBack, so the person sees the label they chose as their message. */
  messageBack: boolean;
  /** Pictures are served by this process at a relative URL, which only a page from this server can load. */
  pictures: boolean;
  /** Where the pictures are; a card shows one only when its file is there. */
  folder?: PictureFolder;
}

type Element = Record<string, unknown>;

const textBlock = (text: string, extra: Element = {}): Element => ({ type: 'TextBlock', text, wrap: true, ...extra });

/** A card of this version around its content (speak, body, actions). */
const adaptiveCard = (content: Element): Attachment => ({
  contentType: ADAPTIVE_CARD_CONTENT_TYPE,
  content: { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: ADAPTIVE_CARD_VERSION, ...content },
});

/**
 * The data an Action.Submit sends back. The bot reads it as `value: { choice, question }` (validated
 * by `cardValueSchema`). In Web Chat it is wrapped as a messageBack card action, which sends the same
 * value with the label as text and shows the label in the transcript, so the person sees what they answered.
 */
export function submitData(choice: Choice, question: string | undefined, options: Pick<CardOptions, 'messageBack'>): Element {
  const value = question ? { choice: choice.value, question } : { choice: choice.value };
  if (!options.messageBack) return value;
  // Web Chat shows a message only when it has text, so the label travels as text too (as with imBack).
  return { __isBotFrameworkCardAction: true, cardAction: { type: 'messageBack', title: choice.label, text: choice.label, displayText: choice.label, value } };
}

export function submitActions(question: CardQuestion, options: Pick<CardOptions, 'messageBack'>): Element[] {
  return question.choices.map((choice) => ({ type: 'Action.Submit', title: choice.label, data: submitData(choice, question.question, options) }));
}

/**
 * The paragraphs of the exercise's text version that the structured parts (title, purpose, steps)
 * do not already show: the dose, what is fine to feel, when to stop. Taking them from the text keeps
 * one wording (content/messages.yaml, rendered by src/bot/render.ts) for both the card and the fallback.
 */
export function remainingParagraphs(view: ExerciseView, text: string): string[] {
  const steps = new Set(view.steps.map((step) => step.trim()));
  const isStepList = (paragraph: string) => paragraph.split('\n').every((line) => steps.has(line.replace(/^\s*\d+[.)]\s*/, '').trim()));
  return text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph && paragraph !== view.title.trim() && paragraph !== view.purpose.trim() && !isStepList(paragraph));
}

/** An exercise as an Adaptive Card: heading, picture with alt text, purpose, numbered steps, dose, safety lines, and the question's buttons. */
export function exerciseCard(view: ExerciseView, text: string, question: CardQuestion | undefined, options: CardOptions): Attachment {
  const body: Element[] = [textBlock(view.title, { style: 'heading', weight: 'Bolder', size: 'Medium' })];
  const url = options.pictures && view.picture ? options.folder?.url(view.picture.file) : undefined;
  if (url && view.picture) body.push({ type: 'Image', url, altText: view.picture.alt, size: 'Stretch' });
  if (view.purpose) body.push(textBlock(view.purpose));
  // One numbered Markdown list, so a screen reader announces "list, N items".
  body.push(textBlock(view.steps.map((step, index) => `${index + 1}. ${step}`).join('\n'), { spacing: 'Medium' }));
  for (const paragraph of remainingParagraphs(view, text)) body.push(textBlock(paragraph, { spacing: 'Medium' }));
  if (question?.text) body.push(textBlock(question.text, { weight: 'Bolder', separator: true, spacing: 'Large' }));
  return adaptiveCard({
    // Read aloud by speech channels and used by some clients as the card's accessible summary.
    speak: [view.title, question?.text].filter(Boolean).join('. '),
    body,
    ...(question?.choices.length ? { actions: submitActions(question, options) } : {}),
  });
}

/** A question with its choices as a card (used where buttons must stay with the text they answer). */
export function choiceCard(question: CardQuestion, options: Pick<CardOptions, 'messageBack'>): Attachment {
  return adaptiveCard({ body: [textBlock(question.text)], actions: submitActions(question, options) });
}

/**
 * A group of warning-sign questions as one card (issue 16, item 11): each question its own toggle
 * (a multi-select list, so the ticked flag ids come back as one `selected` value), "None of these"
 * as one tap, and a button that sends the ticked ones. Each question is still asked in its own words.
 */
export function groupCard(text: string, question: CardQuestion, items: { flagId: string; text: string }[], options: Pick<CardOptions, 'messageBack'>): Attachment {
  const none = question.choices.find((choice) => choice.value === 'none_of_these');
  const send = question.choices.find((choice) => choice.value === 'selected');
  const actions: Element[] = [];
  if (none) actions.push({ type: 'Action.Submit', title: none.label, data: submitData(none, question.question, options) });
  // Inputs travel only with a plain Action.Submit (not with a messageBack action), in Teams and Web Chat alike.
  if (send) actions.push({ type: 'Action.Submit', title: send.label, data: { choice: send.value, ...(question.question ? { question: question.question } : {}) } });
  return adaptiveCard({
    speak: text,
    body: [
      textBlock(text),
      { type: 'Input.ChoiceSet', id: 'selected', isMultiSelect: true, style: 'expanded', wrap: true, label: question.text, choices: items.map((item) => ({ title: item.text, value: item.flagId })) },
    ],
    actions,
  });
}

/**
 * Text-only fallback for a channel with no buttons: the choices are written out, one a line, and
 * can be typed back as they are (every button is also answerable by typing).
 */
export function textWithChoices(text: string, choices: Choice[] | undefined): string {
  if (!choices?.length) return text;
  return [text, choices.map((choice) => `• ${choice.label}`).join('\n')].filter(Boolean).join('\n\n');
}
