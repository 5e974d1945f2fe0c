/**
 * The care team's Adaptive Cards (1.5), as plain data. An emergency is marked by words and an
 * icon in the heading and the notification text, not by colour alone; colour only adds to it.
 */
import { z } from 'zod';
import type { ClinicianCase } from './store.ts';
import { fill, type ClinicianWording } from './wording.ts';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** What a care-team card's Action.Submit sends back as `value`; anything else changes nothing. */
export const cardActionSchema = z.discriminatedUnion('clinicianAction', [
  z.strictObject({ clinicianAction: z.literal('accept'), caseId: z.coerce.number<unknown>().int().positive() }),
  z.strictObject({ clinicianAction: z.literal('message'), caseId: z.coerce.number<unknown>().int().positive(), message: z.string().trim().min(1, 'write a message').max(2000) }),
]);
export type CardAction = z.infer<typeof cardActionSchema>;

export interface CardFacts {
  /** Plain-words label of each reason (a red-flag label from content, or the reasons wording). */
  reasonLabel: (id: string) => string;
  /** Latest pain scores, oldest first. */
  pain: number[];
  /** Absolute URL of the case in the console, when CLINICIAN_CONSOLE_URL is set. */
  consoleUrl?: string;
}

export type NoticeCardKind = 'new' | 'reminder' | 'escalated';

type Element = Record<string, unknown>;
const textBlock = (text: string, extra: Element = {}): Element => ({ type: 'TextBlock', text, wrap: true, ...extra });

export function painTrend(pain: number[], wording: ClinicianWording): string {
  if (pain.length === 0) return wording.card.noPain;
  const scores = pain.slice(-5).map((score) => `${score}/10`).join(' → ');
  if (pain.length < 2) return scores;
  const change = pain.at(-1)! - pain.at(-2)!;
  return `${scores} (${change > 0 ? wording.card.trendRising : change < 0 ? wording.card.trendFalling : wording.card.trendSteady})`;
}

export function noticeHeading(kind: NoticeCardKind, item: Pick<ClinicianCase, 'id' | 'urgency'>, wording: ClinicianWording, minutes: number): string {
  const template = kind === 'new' ? wording.card.title : kind === 'reminder' ? wording.card.reminderTitle : wording.card.escalatedTitle;
  return fill(template, { marker: wording.urgencyMarker[item.urgency], caseId: item.id, minutes });
}

/** The card a care-team channel gets for a handoff (new, reminder, escalated). */
export function handoffCard(kind: NoticeCardKind, item: ClinicianCase, facts: CardFacts, wording: ClinicianWording, minutes = 0): { attachment: { contentType: string; content: Element }; summary: string } {
  const heading = noticeHeading(kind, item, wording, minutes);
  const loud = item.urgency === 'emergency' || item.urgency === 'urgent';
  const body: Element[] = [
    {
      type: 'Container',
      style: item.urgency === 'emergency' ? 'attention' : item.urgency === 'urgent' ? 'warning' : 'default',
      bleed: true,
      items: [textBlock(heading, { style: 'heading', size: loud ? 'Large' : 'Medium', weight: 'Bolder', color: loud ? 'Attention' : 'Default' })],
    },
    {
      type: 'FactSet',
      facts: [
        { title: wording.card.urgencyLabel, value: wording.urgency[item.urgency] },
        { title: wording.card.reasonsLabel, value: item.reasons.map(facts.reasonLabel).join('; ') || '—' },
        { title: wording.card.regionLabel, value: item.region },
        { title: wording.card.painLabel, value: painTrend(facts.pain, wording) },
      ],
    },
    textBlock(wording.card.summaryLabel, { weight: 'Bolder', spacing: 'Medium' }),
    textBlock(item.summary),
  ];
  if (!facts.consoleUrl) body.push(textBlock(fill(wording.card.noConsoleUrl, { caseId: item.id }), { isSubtle: true }));
  const actions: Element[] = [{ type: 'Action.Submit', title: wording.card.accept, style: loud ? 'destructive' : 'positive', data: { clinicianAction: 'accept', caseId: item.id } }];
  if (facts.consoleUrl) actions.push({ type: 'Action.OpenUrl', title: wording.card.open, url: facts.consoleUrl });
  return {
    attachment: { contentType: ADAPTIVE_CARD, content: { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', msteams: { width: 'Full' }, body, actions } },
    summary: heading,
  };
}

/** A card with a box to write to the person (after accepting, and with each reply relayed). */
export function writeCard(caseId: number, heading: string, text: string | undefined, wording: ClinicianWording): { contentType: string; content: Element } {
  const body: Element[] = [textBlock(heading, { weight: 'Bolder' })];
  if (text) body.push(textBlock(text));
  body.push({ type: 'Input.Text', id: 'message', isMultiline: true, maxLength: 2000, placeholder: wording.card.replyPlaceholder, label: wording.card.reply });
  return {
    contentType: ADAPTIVE_CARD,
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body,
      actions: [{ type: 'Action.Submit', title: wording.card.reply, data: { clinicianAction: 'message', caseId } }],
    },
  };
}
