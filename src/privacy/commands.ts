import { createHash, randomBytes } from 'node:crypto';
import type { ShellCommand, ShellCommandInput } from '../ports/turns.ts';
import type { Nlu } from '../bot/understand.ts';
import type { Content } from '../content/index.ts';
import type { Logger } from '../log.ts';
import type { Database } from '../store/database.ts';
import type { PrivacyMessages } from './content.ts';
import { fill } from '../wording/fill.ts';
import { erasePerson } from './erasure.ts';
import { collectPersonData, summarise } from './export.ts';

export interface DataRightsDeps {
  db: Database;
  content: Content;
  messages: PrivacyMessages;
  nlu: Pick<Nlu, 'yesNo'>;
  log: Logger;
  retentionDays?: number;
  /** Where the bot is reachable from the person's browser, for the export link. */
  publicUrl: () => string;
  exportLinkMinutes?: number;
  confirmMinutes?: number;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a one-time download token for the person's JSON export; only its hash is stored. */
export async function createExportToken(db: Database, conversationId: string, at: Date, minutes: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query('insert into privacy_export_tokens (token_hash, conversation_id, expires_at) values ($1, $2, $3)', [
    hashToken(token),
    conversationId,
    new Date(at.getTime() + minutes * 60_000).toISOString(),
  ]);
  return token;
}

const QUESTION = /\?|^\s*(how|what|why|when|where|who|which|can|could|should|would|will|is|are|do|does|did)\b/i;

/**
 * An erasure cannot be undone, so only a short, plain answer confirms it: "yes", "yes please",
 * "yeah go ahead". A question or a longer sentence ("how do I do the exercises") is not an answer.
 */
export function confirmationAnswer(text: string, nlu: Pick<Nlu, 'yesNo'>): 'yes' | 'no' | undefined {
  const answer = nlu.yesNo(text);
  if (answer === 'no') return 'no';
  if (answer !== 'yes' || QUESTION.test(text) || text.trim().split(/\s+/).length > 6) return undefined;
  return 'yes';
}

/**
 * "What do you know about me", "export my data", "delete my data" (confirmed once), in any
 * wording the intents lexicon knows. Runs as a shell command: never for a message with a warning sign.
 */
export function dataRightsCommand(deps: DataRightsDeps): ShellCommand {
  const { db, messages } = deps;
  const linkMinutes = deps.exportLinkMinutes ?? 15;
  const confirmMinutes = deps.confirmMinutes ?? 10;

  /**
   * Conversations where this process asked "are you sure?" and the answer has not come yet
   * (bounded). Only there may any message consume the pending request, as before; elsewhere the
   * store is asked only when the message could matter: one of our requests, or a short yes/no
   * (after a restart, or when another instance asked). Every other turn costs no query.
   */
  const asked = new Map<string, number>();
  const ASKED_MAX = 10_000;

  async function pendingDelete(input: ShellCommandInput): Promise<boolean> {
    asked.delete(input.conversationId);
    // Not pending for this answer when a message reached the conversation after the question
    // (it would have cancelled the request had it come through this process).
    const rows = await db.query(
      `delete from privacy_pending p where p.conversation_id = $1
       returning p.expires_at, coalesce((select e.at from clinical_events e
         where e.conversation_id = p.conversation_id and e.type = 'message.received' order by e.id desc limit 1)
         > p.expires_at - make_interval(mins => $2::int), false) as interrupted`,
      [input.conversationId, confirmMinutes],
    );
    const row = rows[0] as { expires_at: Date | string; interrupted: boolean } | undefined;
    return !!row && !row.interrupted && new Date(row.expires_at).getTime() > new Date(input.at).getTime();
  }

  function mayAnswerPending(input: ShellCommandInput): boolean {
    const until = asked.get(input.conversationId);
    if (until !== undefined) {
      if (until > new Date(input.at).getTime()) return true;
      asked.delete(input.conversationId);
    }
    return OURS.has(input.intent ?? '') || confirmationAnswer(input.text, deps.nlu) !== undefined;
  }

  async function summary(input: ShellCommandInput): Promise<string[]> {
    const person = await collectPersonData(db, input.conversationId, new Date(input.at));
    return summarise(person, deps.content, messages.whatWeKnow, deps.retentionDays);
  }

  const OURS = new Set(['delete_data', 'export_data', 'what_do_you_know']);

  return {
    name: 'data-rights',
    async handle(input) {
      try {
        return await handleRequest(input);
      } catch (error) {
        // The store is away: a data request is answered politely; any other message goes on to
        // the conversation, which answers "try again" and still refers a warning sign.
        deps.log.warn({ err: error, conversationId: input.conversationId }, 'data request failed');
        return OURS.has(input.intent ?? '') ? [messages.unavailable] : undefined;
      }
    },
  };

  async function handleRequest(input: ShellCommandInput): Promise<string[] | undefined> {
    {
      if (mayAnswerPending(input) && (await pendingDelete(input))) {
        const answer = confirmationAnswer(input.text, deps.nlu);
        if (answer === 'yes' && input.intent !== 'export_data' && input.intent !== 'what_do_you_know') {
          const result = await erasePerson(db, input.conversationId, { reason: 'request', at: new Date(input.at) });
          deps.log.info({ rowsDeleted: result.rowsDeleted, tablesTouched: result.tablesTouched }, 'person erased on request');
          return [messages.delete.done, messages.delete.careTeamNote];
        }
        if (answer === 'no') return [messages.delete.kept];
        if (input.intent !== 'delete_data' && input.intent !== 'export_data' && input.intent !== 'what_do_you_know') {
          // Anything else is not a confirmation: nothing is deleted and the message goes on as usual.
          return undefined;
        }
      }
      switch (input.intent) {
        case 'delete_data': {
          const expiresAt = new Date(input.at).getTime() + confirmMinutes * 60_000;
          await db.query(
            `insert into privacy_pending (conversation_id, action, expires_at) values ($1, 'delete', $2)
             on conflict (conversation_id) do update set action = excluded.action, expires_at = excluded.expires_at`,
            [input.conversationId, new Date(expiresAt).toISOString()],
          );
          if (asked.size >= ASKED_MAX) asked.delete(asked.keys().next().value as string);
          asked.set(input.conversationId, expiresAt);
          return [messages.delete.confirm];
        }
        case 'what_do_you_know':
          return [(await summary(input)).join('\n')];
        case 'export_data': {
          const lines = await summary(input);
          const token = await createExportToken(db, input.conversationId, new Date(input.at), linkMinutes);
          const url = `${deps.publicUrl().replace(/\/$/, '')}/privacy/export/${token}`;
          return [[messages.export.summary, ...lines].join('\n'), fill(messages.export.link, { url, minutes: linkMinutes })];
        }
        default:
          return undefined;
      }
    }
  }
}
