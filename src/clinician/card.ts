/**
 * The care team's Adaptive Cards (1.5), as plain data. An emergency is marked by words and an
 * icon in the heading and the notification text, not by colour alone; colour only adds to it.
 *
 * One card per case and channel, updated in place as the case moves: open (Accept), accepted
 * (write to the person, close with an outcome), closed (who closed it and how). The close inputs
 * choose nothing by default, and clearing an emergency or urgent case asks for a confirmation and
 * a reason, as the console does (closeRules.ts).
 */
import { z } from 'zod';
import { outcomes } from './closeRules.ts';
import { holdsExercise } from '../vocabulary/index.ts';
import type { ClinicianCase } from './store.ts';
import type { ClinicianWording } from './wording.ts';
import { fill } from '../wording/fill.ts';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

const caseId = z.coerce.number<unknown>().int().positive().max(Number.MAX_SAFE_INTEGER);
/** Teams sends every input of the card with any of its buttons; the other inputs are ignored. */
export const cardActionSchema = z.discriminatedUnion('clinicianAction', [
  z.object({ clinicianAction: z.literal('accept'), caseId }),
  z.object({ clinicianAction: z.literal('message'), caseId, message: z.string().trim().min(1, 'write a message').max(2000) }),
  z.object({
    clinicianAction: z.literal('close'),
    caseId,
    version: z.coerce.number<unknown>().int().positive(),
    // An empty choice is "nothing chosen", refused with its own message rather than as a bad card.
    outcome: z.union([z.enum(outcomes), z.literal('')]).optional().transform((value) => value || undefined),
    note: z.string().trim().max(4000).optional().transform((value) => value || undefined),
    reason: z.string().max(1000).optional(),
    confirmCleared: z.union([z.literal('true'), z.literal('false'), z.boolean()]).optional().transform((value) => value === true || value === 'true'),
  }),
]);
export type CardAction = z.infer<typeof cardActionSchema>;

export interface CardFacts {
  /** Plain-words label of each reason (a red-flag label from content, or the reasons wording). */
  reasonLabel: (id: string) => string;
  /** Latest pain scores, oldest first. */
  pain: number[];
  /** Absolute URL of the case in the console, when CLINICIAN_CONSOLE_URL is set. */
  consoleUrl?: string;
  /** The person's display name, when their channel gave one. */
  personName?: string | null;
  /** A time as the clinic reads it (CLINIC_TIME_ZONE). */
  clinicTime: (iso: string) => string;
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

export function outcomeLabel(outcome: string | null, wording: ClinicianWording): string {
  return wording.outcomes[outcome as keyof ClinicianWording['outcomes']] ?? outcome ?? '';
}

export function noticeHeading(kind: NoticeCardKind, item: Pick<ClinicianCase, 'id' | 'urgency'>, wording: ClinicianWording, minutes: number): string {
  const template = kind === 'new' ? wording.card.title : kind === 'reminder' ? wording.card.reminderTitle : wording.card.escalatedTitle;
  return fill(template, { marker: wording.urgencyMarker[item.urgency], caseId: item.id, minutes });
}

/** The heading of a case card as it stands: the notice it was posted as, or who took or closed it. */
export function caseHeading(kind: NoticeCardKind, item: ClinicianCase, facts: Pick<CardFacts, 'clinicTime'>, wording: ClinicianWording, minutes: number): string {
  const marker = wording.urgencyMarker[item.urgency];
  if (item.status === 'accepted') return fill(wording.card.acceptedTitle, { marker, caseId: item.id, clinician: item.clinician ?? '', time: facts.clinicTime(item.acceptedAt ?? item.updatedAt) });
  if (item.status === 'closed') return fill(wording.card.closedTitle, { marker, caseId: item.id, clinician: item.closedBy ?? item.clinician ?? '—', time: facts.clinicTime(item.closedAt ?? item.updatedAt), outcome: outcomeLabel(item.outcome, wording) });
  return noticeHeading(kind, item, wording, minutes);
}

/** What a card's close form offers: no outcome chosen, and the clearance fields for emergency and urgent cases. */
function closeInputs(item: ClinicianCase, wording: ClinicianWording): Element[] {
  const inputs: Element[] = [
    {
      type: 'Input.ChoiceSet',
      id: 'outcome',
      label: wording.card.outcomeLabel,
      style: 'compact',
      isRequired: true,
      errorMessage: wording.card.outcomePlaceholder,
      placeholder: wording.card.outcomePlaceholder,
      choices: outcomes.map((value) => ({ title: wording.outcomes[value], value })),
    },
    { type: 'Input.Text', id: 'note', isMultiline: true, maxLength: 4000, label: wording.card.closeNote },
  ];
  if (holdsExercise(item.urgency)) {
    inputs.push(
      { type: 'Input.Toggle', id: 'confirmCleared', title: wording.card.clearanceConfirm, valueOn: 'true', valueOff: 'false', value: 'false' },
      { type: 'Input.Text', id: 'reason', isMultiline: true, maxLength: 1000, label: wording.card.clearanceReason },
    );
  }
  return inputs;
}

/** The card a care-team channel gets for a case (posted new, as a reminder or escalation; updated after accept and close). */
export function handoffCard(kind: NoticeCardKind, item: ClinicianCase, facts: CardFacts, wording: ClinicianWording, minutes = 0): { attachment: { contentType: string; content: Element }; summary: string } {
  const heading = caseHeading(kind, item, facts, wording, minutes);
  const loud = item.status === 'open' && holdsExercise(item.urgency);
  const body: Element[] = [
    {
      type: 'Container',
      style: item.status === 'closed' ? 'default' : item.urgency === 'emergency' ? 'attention' : item.urgency === 'urgent' ? 'warning' : 'default',
      bleed: true,
      items: [textBlock(heading, { style: 'heading', size: loud ? 'Large' : 'Medium', weight: 'Bolder', color: loud ? 'Attention' : 'Default' })],
    },
    {
      type: 'FactSet',
      facts: [
        ...(facts.personName ? [{ title: wording.card.person, value: facts.personName }] : []),
        { title: wording.card.urgencyLabel, value: wording.urgency[item.urgency] },
        { title: wording.card.reasonsLabel, value: item.reasons.map(facts.reasonLabel).join('; ') || '—' },
        { title: wording.card.regionLabel, value: item.region },
        { title: wording.card.painLabel, value: painTrend(facts.pain, wording) },
        ...(item.clinician ? [{ title: wording.card.acceptedByLabel, value: item.clinician }] : []),
      ],
    },
    textBlock(wording.card.summaryLabel, { weight: 'Bolder', spacing: 'Medium' }),
    textBlock(item.summary),
  ];
  if (!facts.consoleUrl) body.push(textBlock(fill(wording.card.noConsoleUrl, { caseId: item.id }), { isSubtle: true }));
  const actions: Element[] = [];
  if (item.status === 'open') actions.push({ type: 'Action.Submit', title: wording.card.accept, style: loud ? 'destructive' : 'positive', data: { clinicianAction: 'accept', caseId: item.id } });
  if (item.status === 'accepted') {
    body.push(
      { type: 'Input.Text', id: 'message', isMultiline: true, maxLength: 2000, placeholder: wording.card.replyPlaceholder, label: wording.card.reply },
      {
        type: 'ActionSet',
        actions: [{ type: 'Action.Submit', title: wording.card.reply, associatedInputs: 'auto', data: { clinicianAction: 'message', caseId: item.id } }],
      },
      ...closeInputs(item, wording),
    );
    actions.push({ type: 'Action.Submit', title: wording.card.close, data: { clinicianAction: 'close', caseId: item.id, version: item.version } });
  }
  if (facts.consoleUrl) actions.push({ type: 'Action.OpenUrl', title: wording.card.open, url: facts.consoleUrl });
  return {
    attachment: { contentType: ADAPTIVE_CARD, content: { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', msteams: { width: 'Full' }, body, actions } },
    summary: heading,
  };
}

/** A card with a box to write to the person (with each reply the person sends). */
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
