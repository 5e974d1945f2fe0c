/**
 * The clinician side's actions and background work: accept a case, write to the person, add a
 * note, close with an outcome (the bot as proxy), relay the person's replies to the care team, and
 * the notifier that posts cards to care-team channels, re-notifies and escalates.
 *
 * Every action is a compare-and-swap on the case row first: a stale or forged case id changes
 * nothing. Only then is the conversation told (a machine event through the bot's proactiveTurn).
 */
import { EventFactory, type Activity, type ConversationReference, type TurnContext } from 'botbuilder';
import type { CoachBot } from '../bot/coachBot.ts';
import type { Reply } from '../bot/render.ts';
import type { Content } from '../content/index.ts';
import type { Logger } from '../log.ts';
import type { DeliveryResult, ProactiveSender } from '../proactive/sender.ts';
import type { Database } from '../store/database.ts';
import { appendEvents } from '../store/events.ts';
import { readConversation } from '../store/conversations.ts';
import type { ClinicianOutcome } from '../../dialogs/types.ts';
import { handoffCard, writeCard, type CardFacts } from './card.ts';
import { escalationStep, windowFor, type AcceptWindows } from './escalation.ts';
import * as store from './store.ts';
import { fill, type ClinicianWording } from './wording.ts';
import { rateKeysOf } from '../proactive/keys.ts';

export const outcomes = ['cleared_to_exercise', 'seen_in_ed', 'refer_to_surgeon', 'continue_monitoring', 'no_contact'] as const satisfies readonly ClinicianOutcome[];

export interface ClinicianServiceDeps {
  db: Database;
  content: Content;
  wording: ClinicianWording;
  log: Logger;
  now: () => Date;
  bot: Pick<CoachBot, 'proactiveTurn' | 'activitiesFor'>;
  sender: ProactiveSender;
  windows: AcceptWindows;
  /** Fallback contact told when an emergency or urgent case waits too long (POST JSON). */
  escalationUrl?: string;
  /** Absolute URL of the console (…/clinician), for the cards' "Open record" button. */
  consoleUrl?: string;
  fetch?: typeof fetch;
  pollMs?: number;
}

export type Delivery = { outcome: 'sent' } | { outcome: 'not_sent'; reason: 'blocked' | 'retry' | 'failed' | 'no_reference'; message: string };

export type ActionResult =
  | { ok: true; item: store.ClinicianCase; delivery?: Delivery }
  | { ok: false; reason: 'unknown' | 'stale' | 'not_accepted'; item?: store.ClinicianCase };

const LEASE_SECONDS = 60;

export function createClinicianService(deps: ClinicianServiceDeps) {
  const { db, wording, log } = deps;
  const send = deps.fetch ?? fetch;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const reasonLabel = (id: string) => wording.reasons[id] ?? deps.content.redFlags.byId.get(id)?.label ?? id;
  const caseUrl = (id: number) => (deps.consoleUrl ? `${deps.consoleUrl.replace(/\/+$/, '')}/cases/${id}` : undefined);

  async function referenceOf(conversationId: string): Promise<Partial<ConversationReference> | null> {
    const row = await readConversation(db, conversationId);
    const reference = row?.reference as Partial<ConversationReference> | null | undefined;
    return reference?.serviceUrl && reference.conversation?.id ? reference : null;
  }

  function describe(result: DeliveryResult): Delivery {
    if (result.outcome === 'sent') return { outcome: 'sent' };
    if (result.outcome === 'stop') return { outcome: 'not_sent', reason: 'blocked', message: wording.delivery.stop };
    if (result.outcome === 'retry') return { outcome: 'not_sent', reason: 'retry', message: fill(wording.delivery.retry, { error: result.error }) };
    return { outcome: 'not_sent', reason: 'failed', message: fill(wording.delivery.fail, { error: result.error }) };
  }

  /** Sends activities into a conversation within the channel limits (src/proactive). */
  async function deliverTo(reference: Partial<ConversationReference>, activities: (context: TurnContext) => Promise<Partial<Activity>[]>): Promise<DeliveryResult> {
    return deps.sender.deliver({
      reference,
      ...rateKeysOf(reference.conversation),
      delivered: 0,
      attempts: 0,
      activities,
    });
  }

  /** The replies of a machine turn, plus a Bot Framework handoff.status event, to the person's conversation. */
  async function tellPerson(conversationId: string, replies: Reply[], status: 'accepted' | 'completed' | 'failed' | undefined, extra: Partial<Activity>[] = []): Promise<Delivery> {
    const reference = await referenceOf(conversationId);
    if (!reference) return { outcome: 'not_sent', reason: 'no_reference', message: wording.delivery.noReference };
    const result = await deliverTo(reference, async (context) => {
      const activities = [...extra, ...(await deps.bot.activitiesFor(context, replies))];
      if (status) activities.push(EventFactory.createHandoffStatus(context.activity.conversation, status));
      return activities;
    });
    return describe(result);
  }

  async function record(conversationId: string, type: string, data: Record<string, unknown>, at: Date): Promise<void> {
    await appendEvents(db, conversationId, [{ type, data, at: at.toISOString() }]);
  }

  async function accept(caseId: number, clinician: string, version?: number): Promise<ActionResult> {
    const at = deps.now();
    const before = await store.getCase(db, caseId);
    if (!before) return { ok: false, reason: 'unknown' };
    const item = await store.acceptCase(db, caseId, clinician, at, version);
    if (!item) return { ok: false, reason: 'stale', item: before };
    const turn = await deps.bot.proactiveTurn(item.conversationId, () => [{ type: 'CLINICIAN_JOINED', at: at.toISOString(), clinician, caseId: String(item.id) }]);
    const delivery = await tellPerson(item.conversationId, turn?.replies ?? [], 'accepted');
    await record(item.conversationId, 'handoff.status', { state: 'accepted', caseId: item.id, clinician, delivered: delivery.outcome === 'sent' }, at);
    log.info({ caseId, delivery: delivery.outcome }, 'case accepted');
    return { ok: true, item, delivery };
  }

  async function message(caseId: number, clinician: string, text: string): Promise<ActionResult> {
    const at = deps.now();
    const item = await store.getCase(db, caseId);
    if (!item) return { ok: false, reason: 'unknown' };
    if (item.status !== 'accepted') return { ok: false, reason: 'not_accepted', item };
    const reference = await referenceOf(item.conversationId);
    let delivery: Delivery;
    if (!reference) delivery = { outcome: 'not_sent', reason: 'no_reference', message: wording.delivery.noReference };
    else delivery = describe(await deliverTo(reference, async () => [{ type: 'message', text: fill(wording.patient.fromClinician, { clinician, text }) }]));
    await record(item.conversationId, 'clinician.message', { caseId, clinician, text, delivered: delivery.outcome === 'sent', ...(delivery.outcome === 'not_sent' ? { problem: delivery.reason } : {}) }, at);
    return { ok: true, item, delivery };
  }

  async function note(caseId: number, clinician: string, text: string): Promise<ActionResult> {
    const item = await store.getCase(db, caseId);
    if (!item) return { ok: false, reason: 'unknown' };
    await record(item.conversationId, 'clinician.note', { caseId, clinician, text }, deps.now());
    return { ok: true, item };
  }

  async function close(caseId: number, clinician: string, outcome: ClinicianOutcome, version: number, noteText?: string): Promise<ActionResult> {
    const at = deps.now();
    const before = await store.getCase(db, caseId);
    if (!before) return { ok: false, reason: 'unknown' };
    const item = await store.closeCase(db, caseId, outcome, at, version);
    if (!item) return { ok: false, reason: 'stale', item: before };
    if (noteText) await record(item.conversationId, 'clinician.note', { caseId, clinician, text: noteText }, at);
    let delivery: Delivery;
    if (before.status === 'accepted') {
      // The clinician hands back; the machine decides what the outcome allows (e.g. lifting the exercise hold).
      const turn = await deps.bot.proactiveTurn(item.conversationId, () => [{ type: 'CLINICIAN_LEFT', at: at.toISOString(), outcome, ...(noteText ? { note: noteText } : {}) }]);
      delivery = await tellPerson(item.conversationId, turn?.replies ?? [], 'completed');
    } else {
      // Never accepted: nobody talked to the person, so nothing is said to them but the protocol's status.
      delivery = await tellPerson(item.conversationId, [], outcome === 'no_contact' ? 'failed' : 'completed');
    }
    await record(item.conversationId, 'handoff.status', { state: before.status === 'accepted' || outcome !== 'no_contact' ? 'completed' : 'failed', caseId, clinician, outcome }, at);
    return { ok: true, item, delivery };
  }

  /** The person wrote while a clinician owns the conversation: pass it to the care-team channels. */
  async function onRelay(conversationId: string, relay: { text: string; caseId: string }): Promise<void> {
    const item = await store.getCase(db, Number(relay.caseId)).catch(() => null);
    if (!item || item.conversationId !== conversationId || item.status !== 'accepted') return;
    const at = deps.now();
    for (const channel of await store.activeChannels(db)) {
      await store.enqueueNotice(db, { caseId: item.id, kind: 'relay', target: `teams:${channel.conversationId}`, payload: { text: relay.text } }, at);
    }
    wake();
  }

  // --- the notifier ---------------------------------------------------------------------------

  async function noticeToChannels(caseId: number, kind: store.NoticeKind, payload: Record<string, unknown>, at: Date): Promise<number> {
    const channels = await store.activeChannels(db);
    for (const channel of channels) await store.enqueueNotice(db, { caseId, kind, target: `teams:${channel.conversationId}`, payload }, at);
    return channels.length;
  }

  async function painOf(conversationId: string): Promise<number[]> {
    const row = await readConversation(db, conversationId);
    return (row?.conversation.context.pain ?? []).map((entry) => entry.score);
  }

  async function deliverNotice(notice: store.Notice): Promise<void> {
    const at = deps.now();
    const item = await store.getCase(db, notice.caseId);
    if (!item) return store.finishNotice(db, notice.id, 'skipped', at, 'no such case');
    const isCaseCard = notice.kind === 'new' || notice.kind === 'reminder' || notice.kind === 'escalated';
    // A reminder for a case someone took meanwhile, or a relay for a closed case, is not sent.
    const stillRelevant = notice.kind === 'new' ? item.status !== 'closed' : notice.kind === 'relay' ? item.status === 'accepted' : item.status === 'open';
    if (!stillRelevant) return store.finishNotice(db, notice.id, 'skipped', at, `case is ${item.status}`);
    if (notice.target === 'escalation') return deliverEscalation(notice, item, at);
    let reference: Partial<ConversationReference> | null;
    let activities: (context: TurnContext) => Promise<Partial<Activity>[]>;
    if (notice.target === 'patient') {
      reference = await referenceOf(item.conversationId);
      activities = async () => [{ type: 'message', text: wording.patient.emergencyNoOneYet }];
    } else {
      const channelId = notice.target.replace(/^teams:/, '');
      const channel = (await store.activeChannels(db)).find((c) => c.conversationId === channelId);
      reference = (channel?.reference as Partial<ConversationReference> | undefined) ?? null;
      if (isCaseCard) {
        const facts: CardFacts = { reasonLabel, pain: await painOf(item.conversationId), ...(caseUrl(item.id) ? { consoleUrl: caseUrl(item.id)! } : {}) };
        const card = handoffCard(notice.kind as 'new' | 'reminder' | 'escalated', item, facts, wording, Number(notice.payload.waitedMinutes ?? 0));
        const loud = item.urgency === 'emergency' || item.urgency === 'urgent';
        activities = async () => [{ type: 'message', summary: card.summary, text: card.summary, attachments: [card.attachment], ...(loud ? { channelData: { notification: { alert: true } } } : {}) }];
      } else {
        const card = writeCard(item.id, fill(wording.card.relayTitle, { caseId: item.id }), String(notice.payload.text ?? ''), wording);
        activities = async () => [{ type: 'message', attachments: [card] }];
      }
    }
    if (!reference) return store.finishNotice(db, notice.id, 'skipped', at, 'no conversation to send to');
    const result = await deliverTo(reference, activities);
    if (result.outcome === 'sent') {
      await store.finishNotice(db, notice.id, 'sent', deps.now());
      if (notice.target === 'patient') await record(item.conversationId, 'message.sent', { text: wording.patient.emergencyNoOneYet, reason: 'escalation' }, at);
    } else if (result.outcome === 'stop') {
      if (notice.target.startsWith('teams:')) await store.deactivateChannel(db, notice.target.slice(6));
      await store.finishNotice(db, notice.id, 'failed', at, result.error);
      log.warn({ noticeId: notice.id, target: notice.target.startsWith('teams:') ? 'teams' : notice.target }, 'clinician notice refused: channel removed or blocked');
    } else if (result.outcome === 'retry' || notice.attempts < 8) {
      const delay = result.outcome === 'retry' ? result.delayMs : Math.min(30 * 60_000, 5000 * 2 ** (notice.attempts - 1));
      await store.retryNotice(db, notice.id, result.error, new Date(at.getTime() + delay));
    } else {
      await store.finishNotice(db, notice.id, 'failed', at, result.error);
    }
  }

  async function deliverEscalation(notice: store.Notice, item: store.ClinicianCase, at: Date): Promise<void> {
    if (!deps.escalationUrl) return store.finishNotice(db, notice.id, 'skipped', at, 'ESCALATION_CONTACT_URL is not set');
    let error: string | undefined;
    try {
      const response = await send(deps.escalationUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `clinician-escalation-${notice.id}` },
        body: JSON.stringify({
          kind: 'handoff.escalation',
          caseId: item.id,
          conversationId: item.conversationId,
          urgency: item.urgency,
          reasons: item.reasons,
          reasonLabels: item.reasons.map(reasonLabel),
          region: item.region,
          summary: item.summary,
          createdAt: item.createdAt,
          waitedMinutes: notice.payload.waitedMinutes ?? null,
          ...(caseUrl(item.id) ? { consoleUrl: caseUrl(item.id) } : {}),
        }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) error = `HTTP ${response.status}`;
      await response.body?.cancel().catch(() => {});
    } catch (cause) {
      error = (cause as Error).message ?? 'network error';
    }
    if (error === undefined) await store.finishNotice(db, notice.id, 'sent', deps.now());
    else await store.retryNotice(db, notice.id, error, new Date(at.getTime() + Math.min(15 * 60_000, 5000 * 2 ** (notice.attempts - 1))));
  }

  /** One pass: new handoffs become cases and cards, overdue cases are re-notified or escalated, notices are sent. */
  async function tick(): Promise<void> {
    const changed = await store.syncCases(db, deps.windows);
    for (const change of changed) {
      const at = deps.now();
      const channels = await noticeToChannels(change.caseId, 'new', { handoffId: change.handoffId }, at);
      await store.audit(db, { actor: 'system', action: change.created ? 'case.opened' : 'case.updated', caseId: change.caseId, detail: { handoffId: change.handoffId, channels } }, at);
    }
    const now = deps.now();
    for (const item of await store.dueCases(db, now)) {
      const step = escalationStep(item, new Date(item.createdAt), now, deps.windows);
      if (step.action === 'none') continue;
      if (!(await store.markCaseChecked(db, item, step.action, step.nextCheckAt, now))) continue;
      const waited = { waitedMinutes: step.waitedMinutes, window: windowFor(item.urgency, deps.windows) };
      if (step.action === 'remind') {
        await noticeToChannels(item.id, 'reminder', waited, now);
      } else {
        await noticeToChannels(item.id, 'escalated', waited, now);
        await store.enqueueNotice(db, { caseId: item.id, kind: 'escalated', target: 'escalation', payload: waited }, now);
        // The person is never told someone is coming; for an emergency they are told not to wait for us.
        if (item.urgency === 'emergency') await store.enqueueNotice(db, { caseId: item.id, kind: 'patientReminder', target: 'patient', payload: waited }, now);
      }
      await store.audit(db, { actor: 'system', action: step.action === 'remind' ? 'case.reminded' : 'case.escalated', caseId: item.id, detail: waited }, now);
      log.warn({ caseId: item.id, urgency: item.urgency, step: step.action, waitedMinutes: step.waitedMinutes }, 'handoff not accepted in time');
    }
    for (;;) {
      if (stopped) return;
      const due = await store.claimDueNotices(db, deps.now(), LEASE_SECONDS, 10);
      if (due.length === 0) break;
      for (const notice of due) await deliverNotice(notice).catch((error) => log.error({ err: error, noticeId: notice.id }, 'clinician notice crashed'));
    }
  }

  /** Runs a pass now (or right after the one running), so a new handoff's card goes out at once. */
  function wake(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await tick().catch((error) => log.warn({ err: error }, 'clinician notifier pass failed'));
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  timer = setInterval(() => void wake(), deps.pollMs ?? 5000);
  timer.unref();

  return {
    accept,
    message,
    note,
    close,
    onRelay,
    wake,
    reasonLabel,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

export type ClinicianService = ReturnType<typeof createClinicianService>;
