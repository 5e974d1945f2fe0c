/**
 * The clinician side's actions and background work: accept a case, write to the person, add a
 * note, close with an outcome (the bot as proxy), relay the person's replies to the care team, and
 * the notifier that posts cards to care-team channels (and updates them in place), re-notifies and
 * escalates, and sends each handoff's record to the clinic's FHIR server. The notifier's pass runs
 * on the job queue (src/clinician/index.ts); its claims are the case row's compare-and-swap
 * (markCaseChecked) and the notice's lease (claimDueNotices).
 *
 * Every action is a compare-and-swap on the case row first: a stale or forged case id changes
 * nothing. Only then is the conversation told (a machine event through the bot's proactiveTurn).
 * Sending goes through the messaging port (src/ports/messaging.ts); nothing here knows botbuilder.
 */
import type { ProactiveTurns } from '../ports/turns.ts';
import type { Reply } from '../bot/render.ts';
import type { Content } from '../content/index.ts';
import type { Logger } from '../log.ts';
import { retryDelayMs } from '../referral/outboxWorker.ts';
import type { Database } from '../store/database.ts';
import { appendEvents } from '../store/events.ts';
import { readConversation } from '../store/conversations.ts';
import type { ClinicianOutcome } from '../../dialogs/types.ts';
import { holdsExercise } from '../vocabulary/index.ts';
import { handoffCard, outcomeLabel, writeCard, type CardFacts, type NoticeCardKind } from './card.ts';
import { clinicClock } from './clinicTime.ts';
import { closeProblems, needsClearance } from './closeRules.ts';
import { escalationStep, windowFor, type AcceptWindows } from './escalation.ts';
import { loadPatientBundle } from './fhir/load.ts';
import { pushBundle, type FhirServer } from './fhir/push.ts';
import type { ConversationRef, MessagingPort, OutboundActivity, SendOutcome } from '../ports/messaging.ts';
import * as store from './store.ts';
import type { ClinicianWording } from './wording.ts';
import { fill } from '../wording/fill.ts';

export { outcomes } from './closeRules.ts';

export interface ClinicianServiceDeps {
  db: Database;
  content: Content;
  wording: ClinicianWording;
  log: Logger;
  now: () => Date;
  bot: ProactiveTurns;
  messaging: MessagingPort;
  windows: AcceptWindows;
  /** The clinic's zone (CLINIC_TIME_ZONE), for the times on cards. */
  timeZone: string;
  /** Fallback contact told when an emergency or urgent case waits too long (POST JSON). */
  escalationUrl?: string;
  /** Absolute URL of the console (…/clinician), for the cards' "Open record" button. */
  consoleUrl?: string;
  /** The clinic's FHIR server: each handoff's record is sent there. */
  fhir?: FhirServer;
  fetch?: typeof fetch;
}

export type Delivery = { outcome: 'sent' } | { outcome: 'not_sent'; reason: 'blocked' | 'retry' | 'failed' | 'no_reference'; message: string };

export type ActionResult =
  | { ok: true; item: store.ClinicianCase; delivery?: Delivery }
  | { ok: false; reason: 'unknown' | 'stale' | 'not_accepted'; item?: store.ClinicianCase }
  | { ok: false; reason: 'needs_clearance'; item: store.ClinicianCase; problems: string[] };

/** A change the live queue shows at once (console/liveQueue.ts). */
export interface QueueChange {
  caseId: number;
  kind: 'opened' | 'updated' | 'accepted' | 'closed' | 'reminded' | 'escalated';
  urgency: string;
}

export interface Clearance {
  confirmed: boolean;
  reason?: string | undefined;
}

const LEASE_SECONDS = 60;

export function createClinicianService(deps: ClinicianServiceDeps) {
  const { db, wording, log, messaging } = deps;
  const send = deps.fetch ?? fetch;
  const clock = clinicClock(deps.timeZone);
  const listeners = new Set<(change: QueueChange) => void>();
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const reasonLabel = (id: string) => wording.reasons[id] ?? deps.content.redFlags.byId.get(id)?.label ?? id;
  const caseUrl = (id: number) => (deps.consoleUrl ? `${deps.consoleUrl.replace(/\/+$/, '')}/cases/${id}` : undefined);

  function changed(item: Pick<store.ClinicianCase, 'id' | 'urgency'>, kind: QueueChange['kind']): void {
    for (const listener of listeners) {
      try {
        listener({ caseId: item.id, kind, urgency: item.urgency });
      } catch (error) {
        log.warn({ err: error }, 'queue listener failed');
      }
    }
  }

  async function referenceOf(conversationId: string): Promise<ConversationRef | null> {
    const row = await readConversation(db, conversationId);
    const reference = row?.reference as ConversationRef | null | undefined;
    return reference?.serviceUrl && reference.conversation?.id ? reference : null;
  }

  function describe(result: SendOutcome): Delivery {
    if (result.outcome === 'sent') return { outcome: 'sent' };
    if (result.outcome === 'stop') return { outcome: 'not_sent', reason: 'blocked', message: wording.delivery.stop };
    if (result.outcome === 'retry') return { outcome: 'not_sent', reason: 'retry', message: fill(wording.delivery.retry, { error: result.error }) };
    return { outcome: 'not_sent', reason: 'failed', message: fill(wording.delivery.fail, { error: result.error }) };
  }

  /** The replies of a machine turn, plus a Bot Framework handoff.status event, to the person's conversation. */
  async function tellPerson(conversationId: string, replies: Reply[], status: 'accepted' | 'completed' | 'failed' | undefined, before: OutboundActivity[] = []): Promise<Delivery> {
    const reference = await referenceOf(conversationId);
    if (!reference) return { outcome: 'not_sent', reason: 'no_reference', message: wording.delivery.noReference };
    return describe(await messaging.continue(reference, replies, { before, ...(status ? { handoffStatus: status } : {}) }));
  }

  async function record(conversationId: string, type: string, data: Record<string, unknown>, at: Date): Promise<void> {
    await appendEvents(db, conversationId, [{ type, data, at: at.toISOString() }]);
  }

  /** Every card posted for the case is brought up to date (in place, or by a message when that fails). */
  async function updateCards(caseId: number, at: Date): Promise<void> {
    const posts = await store.cardPostsOf(db, caseId);
    for (const post of posts) await store.enqueueNotice(db, { caseId, kind: 'cardUpdate', target: post.target, payload: { activityId: post.activityId, cardKind: post.kind } }, at);
    if (posts.length) wake();
  }

  async function accept(caseId: number, clinician: string, version?: number): Promise<ActionResult> {
    const at = deps.now();
    const before = await store.getCase(db, caseId);
    if (!before) return { ok: false, reason: 'unknown' };
    const item = await store.acceptCase(db, caseId, clinician, at, version);
    if (!item) return { ok: false, reason: 'stale', item: before };
    changed(item, 'accepted');
    const turn = await deps.bot.proactiveTurn(item.conversationId, () => [{ type: 'CLINICIAN_JOINED', at: at.toISOString(), clinician, caseId: String(item.id) }]);
    const delivery = await tellPerson(item.conversationId, turn?.replies ?? [], 'accepted');
    await record(item.conversationId, 'handoff.status', { state: 'accepted', caseId: item.id, clinician, delivered: delivery.outcome === 'sent' }, at);
    await updateCards(item.id, at);
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
    else delivery = describe(await messaging.send(reference, [{ type: 'message', text: fill(wording.patient.fromClinician, { clinician, text }) }]));
    await record(item.conversationId, 'clinician.message', { caseId, clinician, text, delivered: delivery.outcome === 'sent', ...(delivery.outcome === 'not_sent' ? { problem: delivery.reason } : {}) }, at);
    return { ok: true, item, delivery };
  }

  async function note(caseId: number, clinician: string, text: string): Promise<ActionResult> {
    const item = await store.getCase(db, caseId);
    if (!item) return { ok: false, reason: 'unknown' };
    await record(item.conversationId, 'clinician.note', { caseId, clinician, text }, deps.now());
    return { ok: true, item };
  }

  /**
   * Closes with the outcome the clinician chose. Clearing an emergency or urgent case for exercise
   * is refused without a confirmation and a reason (closeRules.ts); both are kept in the record.
   */
  async function close(caseId: number, clinician: string, outcome: ClinicianOutcome, version: number, noteText?: string, clearance: Clearance = { confirmed: false }): Promise<ActionResult> {
    const at = deps.now();
    const before = await store.getCase(db, caseId);
    if (!before) return { ok: false, reason: 'unknown' };
    const problems = closeProblems(before.urgency, { outcome, confirmed: clearance.confirmed, reason: clearance.reason });
    if (problems.length) return { ok: false, reason: 'needs_clearance', item: before, problems };
    const item = await store.closeCase(db, caseId, outcome, at, version, clinician);
    if (!item) return { ok: false, reason: 'stale', item: before };
    changed(item, 'closed');
    if (needsClearance(before.urgency, outcome)) {
      await record(item.conversationId, 'clinician.cleared', { caseId, clinician, urgency: before.urgency, reason: clearance.reason?.trim() ?? '', confirmed: true }, at);
    }
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
    await updateCards(item.id, at);
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
    changed(item, 'updated');
    wake();
  }

  // --- the notifier ---------------------------------------------------------------------------

  async function noticeToChannels(caseId: number, kind: store.NoticeKind, payload: Record<string, unknown>, at: Date): Promise<number> {
    const channels = await store.activeChannels(db);
    for (const channel of channels) await store.enqueueNotice(db, { caseId, kind, target: `teams:${channel.conversationId}`, payload }, at);
    return channels.length;
  }

  async function factsOf(item: store.ClinicianCase): Promise<CardFacts> {
    const row = await readConversation(db, item.conversationId);
    const now = deps.now();
    return {
      reasonLabel,
      pain: (row?.conversation.context.pain ?? []).map((entry) => entry.score),
      personName: await store.personNameOf(db, item.conversationId),
      clinicTime: (iso) => clock.time(iso, now),
      ...(caseUrl(item.id) ? { consoleUrl: caseUrl(item.id)! } : {}),
    };
  }

  async function cardActivity(kind: NoticeCardKind, item: store.ClinicianCase, minutes: number): Promise<OutboundActivity> {
    const card = handoffCard(kind, item, await factsOf(item), wording, minutes);
    const loud = item.status === 'open' && holdsExercise(item.urgency);
    return { type: 'message', summary: card.summary, text: card.summary, attachments: [card.attachment], ...(loud ? { channelData: { notification: { alert: true } } } : {}) };
  }

  async function channelReference(target: string): Promise<ConversationRef | null> {
    const channelId = target.replace(/^teams:/, '');
    const channel = (await store.activeChannels(db)).find((c) => c.conversationId === channelId);
    return (channel?.reference as ConversationRef | undefined) ?? null;
  }

  /** What the notice's answer means for the notice: sent, retried later, or given up. */
  async function settle(notice: store.Notice, result: SendOutcome, at: Date): Promise<void> {
    if (result.outcome === 'sent') return store.finishNotice(db, notice.id, 'sent', deps.now());
    if (result.outcome === 'stop') {
      if (notice.target.startsWith('teams:')) await store.deactivateChannel(db, notice.target.slice(6));
      await store.finishNotice(db, notice.id, 'failed', at, result.error);
      log.warn({ noticeId: notice.id, target: notice.target.startsWith('teams:') ? 'teams' : notice.target }, 'clinician notice refused: channel removed or blocked');
      return;
    }
    if (result.outcome === 'retry' || notice.attempts < 8) {
      const delay = result.outcome === 'retry' ? result.delayMs : Math.min(30 * 60_000, 5000 * 2 ** (notice.attempts - 1));
      return store.retryNotice(db, notice.id, result.error, new Date(at.getTime() + delay));
    }
    return store.finishNotice(db, notice.id, 'failed', at, result.error);
  }

  async function deliverNotice(notice: store.Notice): Promise<void> {
    const at = deps.now();
    const item = await store.getCase(db, notice.caseId);
    if (!item) return store.finishNotice(db, notice.id, 'skipped', at, 'no such case');
    if (notice.kind === 'fhir') return deliverFhir(notice, item, at);
    if (notice.kind === 'cardUpdate') return deliverCardUpdate(notice, item, at);
    const isCaseCard = notice.kind === 'new' || notice.kind === 'reminder' || notice.kind === 'escalated';
    // A reminder for a case someone took meanwhile, or a relay for a closed case, is not sent.
    const stillRelevant = notice.kind === 'new' ? item.status !== 'closed' : notice.kind === 'relay' ? item.status === 'accepted' : item.status === 'open';
    if (!stillRelevant) return store.finishNotice(db, notice.id, 'skipped', at, `case is ${item.status}`);
    if (notice.target === 'escalation') return deliverEscalation(notice, item, at);
    let reference: ConversationRef | null;
    let activities: OutboundActivity[];
    if (notice.target === 'patient') {
      reference = await referenceOf(item.conversationId);
      activities = [{ type: 'message', text: wording.patient.emergencyNoOneYet }];
    } else {
      reference = await channelReference(notice.target);
      if (isCaseCard) {
        activities = [await cardActivity(notice.kind as NoticeCardKind, item, Number(notice.payload.waitedMinutes ?? 0))];
      } else {
        const card = writeCard(item.id, fill(wording.card.relayTitle, { caseId: item.id }), String(notice.payload.text ?? ''), wording);
        activities = [{ type: 'message', attachments: [card] }];
      }
    }
    if (!reference) return store.finishNotice(db, notice.id, 'skipped', at, 'no conversation to send to');
    const result = await messaging.send(reference, activities);
    if (result.outcome === 'sent') {
      const posted = result.activityIds[0];
      if (isCaseCard && posted) await store.recordCardPost(db, { caseId: item.id, target: notice.target, activityId: posted, kind: notice.kind }, at);
      if (notice.target === 'patient') await record(item.conversationId, 'message.sent', { text: wording.patient.emergencyNoOneYet, reason: 'escalation' }, at);
    }
    await settle(notice, result, at);
  }

  /** A card brought up to date in place; when Teams refuses the update, a short message says the new state. */
  async function deliverCardUpdate(notice: store.Notice, item: store.ClinicianCase, at: Date): Promise<void> {
    const reference = await channelReference(notice.target);
    if (!reference) return store.finishNotice(db, notice.id, 'skipped', at, 'channel no longer active');
    const activityId = String(notice.payload.activityId ?? '');
    const kind = (['new', 'reminder', 'escalated'].includes(String(notice.payload.cardKind)) ? notice.payload.cardKind : 'new') as NoticeCardKind;
    const updated = await messaging.update(reference, activityId, await cardActivity(kind, item, 0));
    if (updated.outcome === 'sent' || updated.outcome === 'retry') return settle(notice, updated, at);
    const state = item.status === 'accepted' ? `accepted by ${item.clinician ?? 'a clinician'}` : item.status === 'closed' ? `closed by ${item.closedBy ?? item.clinician ?? 'a clinician'}: ${outcomeLabel(item.outcome, wording)}` : 'waiting to be accepted';
    log.warn({ noticeId: notice.id, caseId: item.id, error: updated.error }, 'card update refused; posting the new state instead');
    const fallback = await messaging.send(reference, [{ type: 'message', text: fill(wording.teams.updateFallback, { caseId: item.id, state }) }]);
    if (fallback.outcome === 'sent') return store.finishNotice(db, notice.id, 'sent', deps.now(), `update refused (${updated.error}); posted the new state as a message`);
    return settle(notice, fallback, at);
  }

  /** The person's record to the clinic's FHIR server, retried with the webhook's backoff until accepted. */
  async function deliverFhir(notice: store.Notice, item: store.ClinicianCase, at: Date): Promise<void> {
    if (!deps.fhir) return store.finishNotice(db, notice.id, 'skipped', at, 'FHIR_BASE_URL is not set');
    const bundle = await loadPatientBundle(db, { content: deps.content, codes: wording.fhir }, item.conversationId, at);
    if (!bundle) return store.finishNotice(db, notice.id, 'skipped', at, 'no such conversation');
    const result = await pushBundle(deps.fhir, bundle, send);
    if (result.ok) {
      await store.finishNotice(db, notice.id, 'sent', deps.now());
      await record(item.conversationId, 'fhir.pushed', { caseId: item.id, entries: result.entries, attempts: notice.attempts }, at);
      log.info({ caseId: item.id, entries: result.entries }, 'record sent to the FHIR server');
      return;
    }
    const retryAt = new Date(at.getTime() + retryDelayMs(notice.attempts));
    await store.retryNotice(db, notice.id, result.error, retryAt);
    log.warn({ caseId: item.id, attempts: notice.attempts, error: result.error }, 'FHIR push failed; will retry');
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
    const synced = await store.syncCases(db, deps.windows);
    for (const change of synced) {
      const at = deps.now();
      const channels = await noticeToChannels(change.caseId, 'new', { handoffId: change.handoffId }, at);
      if (deps.fhir) await store.enqueueNotice(db, { caseId: change.caseId, kind: 'fhir', target: 'fhir', payload: { handoffId: change.handoffId } }, at);
      await store.audit(db, { actor: 'system', action: change.created ? 'case.opened' : 'case.updated', caseId: change.caseId, detail: { handoffId: change.handoffId, channels } }, at);
      const item = await store.getCase(db, change.caseId);
      if (item) changed(item, change.created ? 'opened' : 'updated');
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
      changed(item, step.action === 'remind' ? 'reminded' : 'escalated');
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

  return {
    accept,
    message,
    note,
    close,
    onRelay,
    wake,
    reasonLabel,
    /** Tells `listener` about every change to a case made by this instance. Returns the way to stop. */
    subscribe(listener: (change: QueueChange) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}

export type ClinicianService = ReturnType<typeof createClinicianService>;
