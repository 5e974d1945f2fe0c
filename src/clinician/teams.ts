/**
 * The care team's side of Teams: the install command that makes a channel (or group chat) the
 * place where handoff cards go, and the cards' buttons (accept, write to the person).
 *
 * Runs before the coaching bot for group conversations only. A registered care-team channel never
 * reaches the conversation machine: it must not be onboarded as a patient, and its words are not
 * clinical events of any person. Card submits carry `value` and no text, which the bot's shell
 * commands never see; that is why this is a turn filter rather than a ShellCommand.
 */
import type { InboundActivity } from '../ports/messaging.ts';
import type { IncomingTurn, TurnFilter } from '../ports/turns.ts';
import type { Database } from '../store/database.ts';
import type { Logger } from '../log.ts';
import { cardActionSchema, outcomeLabel } from './card.ts';
import type { ClinicianService } from './service.ts';
import { needsClearance } from './closeRules.ts';
import * as store from './store.ts';
import type { ClinicianWording } from './wording.ts';
import { fill } from '../wording/fill.ts';

const COMMAND = /\buse this (?:channel|chat|conversation) for handoffs\b\s*(?:with code\s*)?([A-Za-z0-9-]{4,20})?/i;

/** Teams addresses a reply thread as `<channel>;messageid=<id>`; the channel itself is the part before. */
export function channelKey(conversationId: string): string {
  return conversationId.split(';')[0]!;
}

function isGroupConversation(activity: InboundActivity): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' || activity.conversation?.isGroup === true;
}

export interface TeamsDeps {
  db: Database;
  service: ClinicianService;
  wording: ClinicianWording;
  log: Logger;
  now: () => Date;
}

export function careTeamTurns(deps: TeamsDeps) {
  const { wording } = deps;

  async function reply(turn: IncomingTurn, text: string): Promise<void> {
    await turn.reply(text);
  }

  /** Returns true when the turn belonged to the care team (handled here), false to pass it to the bot. */
  async function handle(turn: IncomingTurn): Promise<boolean> {
    const activity = turn.activity;
    if (activity.type !== 'message' || !activity.conversation?.id || !isGroupConversation(activity)) return false;
    const key = channelKey(activity.conversation.id);
    const text = turn.textWithoutMention().replace(/<at>[^<]*<\/at>/g, '').trim();
    const who = activity.from?.name ?? activity.from?.id ?? 'unknown';
    const actor = `teams:${who}${activity.from?.aadObjectId ? ` (${activity.from.aadObjectId})` : ''}`;
    const known = { actorMethod: 'teams', actorId: activity.from?.aadObjectId ?? activity.from?.id ?? null };
    const at = deps.now();

    const command = COMMAND.exec(text);
    if (command) {
      const code = command[1]?.toUpperCase();
      if (!code) {
        await reply(turn, wording.teams.needsCode);
        return true;
      }
      const pairing = await store.usePairingCode(deps.db, code, at);
      if (!pairing) {
        await store.audit(deps.db, { actor, ...known, action: 'channel.pairingRefused', conversationId: key }, at);
        await reply(turn, wording.teams.badCode);
        return true;
      }
      const reference = turn.reference();
      // Cards go to the channel itself (a new post each), not as replies to the command's thread.
      const stored = { ...reference, conversation: { ...reference.conversation, id: key }, activityId: undefined };
      await store.registerChannel(deps.db, key, stored, actor, at);
      await store.audit(deps.db, { actor, ...known, action: 'channel.registered', conversationId: key, detail: { pairedBy: pairing.createdBy } }, at);
      deps.log.info({ channel: key }, 'care-team channel registered');
      await reply(turn, wording.teams.channelRegistered);
      return true;
    }

    if (!(await store.isCareTeamChannel(deps.db, key))) return false;
    if (activity.value === undefined || activity.value === null) return true; // Talk among the care team: not for the bot.
    const parsed = cardActionSchema.safeParse(activity.value);
    if (!parsed.success) {
      await store.audit(deps.db, { actor, ...known, action: 'card.invalid', conversationId: key }, at);
      await reply(turn, wording.teams.invalid);
      return true;
    }
    const action = parsed.data;
    if (action.clinicianAction === 'accept') {
      const result = await deps.service.accept(action.caseId, who);
      await store.audit(deps.db, { actor, ...known, action: result.ok ? 'case.accepted' : 'case.acceptRefused', caseId: action.caseId, conversationId: result.ok ? result.item.conversationId : null, detail: { via: 'teams', ...(result.ok ? { delivery: result.delivery?.outcome } : { reason: result.reason }) } }, at);
      if (!result.ok) {
        await reply(turn, refusal(action.caseId, result));
        return true;
      }
      // The card itself is updated in place (service.updateCards): it now offers writing and closing.
      const lines = [fill(wording.teams.accepted, { caseId: action.caseId, clinician: who })];
      if (result.delivery?.outcome === 'not_sent') lines.push(result.delivery.message);
      await reply(turn, lines.join('\n\n'));
      return true;
    }
    if (action.clinicianAction === 'close') {
      if (!action.outcome) {
        await store.audit(deps.db, { actor, ...known, action: 'case.closeRefused', caseId: action.caseId, detail: { via: 'teams', reason: 'no outcome' } }, at);
        await reply(turn, fill(wording.teams.needsOutcome, { caseId: action.caseId }));
        return true;
      }
      const result = await deps.service.close(action.caseId, who, action.outcome, action.version, action.note, { confirmed: action.confirmCleared, reason: action.reason });
      if (!result.ok) {
        await store.audit(deps.db, { actor, ...known, action: 'case.closeRefused', caseId: action.caseId, conversationId: result.item?.conversationId ?? null, detail: { via: 'teams', reason: result.reason, outcome: action.outcome } }, at);
        if (result.reason === 'needs_clearance') await reply(turn, fill(wording.teams.needsClearance, { caseId: action.caseId, urgency: result.item.urgency }));
        else if (result.reason === 'stale') await reply(turn, fill(wording.teams.stale, { caseId: action.caseId }));
        else await reply(turn, refusal(action.caseId, result));
        return true;
      }
      const cleared = needsClearance(result.item.urgency, action.outcome);
      await store.audit(deps.db, { actor, ...known, action: 'case.closed', caseId: action.caseId, conversationId: result.item.conversationId, detail: { via: 'teams', outcome: action.outcome, delivery: result.delivery?.outcome, ...(cleared ? { clearedFor: result.item.urgency, confirmed: true, reason: action.reason?.trim() } : {}) } }, at);
      await reply(turn, fill(wording.teams.closed, { caseId: action.caseId, clinician: who, outcome: outcomeLabel(action.outcome, wording) }));
      return true;
    }
    const result = await deps.service.message(action.caseId, who, action.message);
    await store.audit(deps.db, { actor, ...known, action: result.ok ? 'case.messaged' : 'case.messageRefused', caseId: action.caseId, conversationId: result.ok ? result.item.conversationId : null, detail: { via: 'teams', ...(result.ok ? { delivery: result.delivery?.outcome } : { reason: result.reason }) } }, at);
    if (!result.ok) await reply(turn, refusal(action.caseId, result));
    else if (result.delivery?.outcome === 'sent') await reply(turn, fill(wording.teams.sent, { caseId: action.caseId }));
    else await reply(turn, fill(wording.teams.notSent, { caseId: action.caseId, reason: result.delivery?.outcome === 'not_sent' ? result.delivery.message : '' }));
    return true;
  }

  function refusal(caseId: number, result: { reason: string; item?: store.ClinicianCase }): string {
    if (result.reason === 'unknown' || !result.item) return fill(wording.teams.unknownCase, { caseId });
    return fill(wording.teams.alreadyTaken, { caseId, status: result.item.status === 'open' ? 'not accepted yet' : result.item.status, by: result.item.clinician ? ` by ${result.item.clinician}` : '' });
  }

  /** The turn filter: care-team turns are handled here, every other turn goes on to the coach unchanged. */
  const filter: TurnFilter = {
    async take(turn) {
      try {
        return await handle(turn);
      } catch (error) {
        deps.log.error({ err: error }, 'care-team turn failed');
        // A failed care-team turn never falls through to the coach in a group conversation.
        return isGroupConversation(turn.activity);
      }
    },
  };

  return { handle, filter };
}
