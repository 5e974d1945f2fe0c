/**
 * The schedule as the person controls it in conversation: set or change the time and zone, pause
 * for N days, resume, stop ("stop", "unsubscribe", "no more messages"... honoured at once and
 * confirmed), show. A ShellCommand for createCoachBot, so a message with a warning sign never
 * reaches it. Also: the default schedule offered when screening completes, and uninstall.
 */
import type { InboundActivity } from '../ports/messaging.ts';
import type { ShellCommand, ShellCommandInput } from '../ports/turns.ts';
import type { Database } from '../store/database.ts';
import { tenantIdOf } from '../proactive/keys.ts';
import { say, type ScheduleContent } from './content.ts';
import { daysUntilWeekday, parseScheduleCommand, type ScheduleCommand } from './parse.ts';
import { hasEvent } from '../store/events.ts';
import { createScheduleIfAbsent, hasSchedule, readSchedule, recordScheduleEvent, stopSchedule, writeSchedule, type ScheduleRow } from './store.ts';
import { addDays, canonicalZone, describeInstant, formatLocalTime, localDayOf, nextDueAt, parseLocalTimeOfDay, type LocalTime } from './time.ts';
import { DateTime } from 'luxon';

/** The zone the channel tells us the person is in: `localTimezone`, or a clientInfo entity's `timezone`. */
export function guessZone(activity: InboundActivity | undefined): string | null {
  if (!activity) return null;
  const direct = (activity as { localTimezone?: unknown }).localTimezone;
  if (typeof direct === 'string' && canonicalZone(direct)) return canonicalZone(direct);
  for (const entity of activity.entities ?? []) {
    const zone = (entity as { type?: string; timezone?: unknown }).type === 'clientInfo' ? (entity as { timezone?: unknown }).timezone : undefined;
    if (typeof zone === 'string' && canonicalZone(zone)) return canonicalZone(zone);
  }
  return null;
}

export interface ScheduleShellDeps {
  db: Database;
  content: ScheduleContent;
  now?: () => Date;
}

export function createScheduleShell(deps: ScheduleShellDeps) {
  const { db, content } = deps;
  const clock = deps.now ?? (() => new Date());

  const vars = (schedule: { localTime: string; timeZone: string }, next: Date | null) => ({
    time: schedule.localTime,
    zone: schedule.timeZone,
    next: next ? describeInstant(next, schedule.timeZone) : '',
  });

  function timeOf(schedule: ScheduleRow | null): LocalTime {
    return (schedule && parseLocalTimeOfDay(schedule.localTime)) || content.defaultTime;
  }

  async function handleCommand(command: ScheduleCommand, input: ShellCommandInput): Promise<string[] | undefined> {
    const now = new Date(input.at ?? clock().toISOString());
    const schedule = await readSchedule(db, input.conversationId);
    const tenantId = tenantIdOf(input.activity) ?? null;
    switch (command.kind) {
      case 'stop': {
        if (schedule?.stoppedAt) return [say(content, 'alreadyStopped')];
        if (!schedule) {
          // Remember the wish even before a schedule exists, so none is created later.
          const zone = guessZone(input.activity) ?? 'UTC';
          await writeSchedule(db, { conversationId: input.conversationId, tenantId, localTime: formatLocalTime(content.defaultTime), timeZone: zone, zoneGuessed: true, pausedUntil: null, nextDueAt: null }, now);
        }
        await stopSchedule(db, input.conversationId, 'the person asked to stop', now);
        await recordScheduleEvent(db, input.conversationId, 'schedule.stopped', { reason: 'the person asked to stop', words: input.text, by: 'person' }, now);
        return [say(content, 'stopped')];
      }
      case 'pause': {
        if (!schedule) return [say(content, 'statusNone')];
        if (schedule.stoppedAt) return [say(content, 'alreadyStopped')];
        const today = localDayOf(now, schedule.timeZone);
        let days = command.days ?? content.defaultPauseDays;
        if (command.untilWeekday !== undefined) {
          const weekday = DateTime.fromISO(today, { zone: 'UTC' }).weekday % 7; // luxon: Monday=1..Sunday=7 → Sunday=0
          days = daysUntilWeekday(weekday, command.untilWeekday);
        }
        const capped = days > content.maxPauseDays;
        days = Math.min(days, content.maxPauseDays);
        const pausedUntil = addDays(today, days);
        const next = nextDueAt(timeOf(schedule), schedule.timeZone, now, pausedUntil);
        await writeSchedule(db, { ...schedule, tenantId: tenantId ?? schedule.tenantId, pausedUntil, nextDueAt: next }, now);
        await recordScheduleEvent(db, input.conversationId, 'schedule.paused', { days, until: pausedUntil }, now);
        return [capped ? say(content, 'pauseCapped', { max: content.maxPauseDays, ...vars(schedule, next) }) : say(content, 'paused', { days, ...vars(schedule, next) })];
      }
      case 'resume': {
        if (!schedule) {
          if (!command.explicit) return undefined;
          return setSchedule({ kind: 'set' }, input, null, now);
        }
        const today = localDayOf(now, schedule.timeZone);
        const paused = schedule.pausedUntil !== null && schedule.pausedUntil > today;
        if (!schedule.stoppedAt && !paused) {
          if (!command.explicit) return undefined; // "continue", "I'm back": the conversation's words, not ours
          return [say(content, 'notPaused', vars(schedule, schedule.nextDueAt))];
        }
        const next = nextDueAt(timeOf(schedule), schedule.timeZone, now);
        await writeSchedule(db, { ...schedule, tenantId: tenantId ?? schedule.tenantId, pausedUntil: null, nextDueAt: next }, now);
        await recordScheduleEvent(db, input.conversationId, 'schedule.resumed', { wasStopped: schedule.stoppedAt !== null }, now);
        return [say(content, 'resumed', vars(schedule, next))];
      }
      case 'show': {
        if (!schedule) return [say(content, 'statusNone')];
        if (schedule.stoppedAt) return [say(content, 'statusStopped')];
        const today = localDayOf(now, schedule.timeZone);
        const key = schedule.pausedUntil && schedule.pausedUntil > today ? 'statusPaused' : 'status';
        return [say(content, key, vars(schedule, schedule.nextDueAt))];
      }
      case 'set':
        return setSchedule(command, input, schedule, now);
    }
  }

  async function setSchedule(command: Extract<ScheduleCommand, { kind: 'set' }>, input: ShellCommandInput, schedule: ScheduleRow | null, now: Date): Promise<string[]> {
    if (command.unknownZone && !command.zone) return [say(content, 'zoneUnknown', { zone: command.unknownZone })];
    if (!command.time && !command.zone && schedule) return [say(content, 'timeNeeded')];
    const guessed = guessZone(input.activity);
    const zone = command.zone ?? schedule?.timeZone ?? guessed ?? 'UTC';
    const time = command.time ?? timeOf(schedule);
    const today = localDayOf(now, zone);
    const pausedUntil = schedule?.pausedUntil && schedule.pausedUntil > today && !schedule.stoppedAt ? schedule.pausedUntil : null;
    const next = nextDueAt(time, zone, now, pausedUntil);
    const written = { localTime: formatLocalTime(time), timeZone: zone };
    await writeSchedule(db, {
      conversationId: input.conversationId,
      tenantId: tenantIdOf(input.activity) ?? schedule?.tenantId ?? null,
      ...written,
      zoneGuessed: command.zone ? false : (schedule?.zoneGuessed ?? guessed !== null),
      pausedUntil,
      nextDueAt: next,
    }, now);
    await recordScheduleEvent(db, input.conversationId, 'schedule.set', { ...written, wasStopped: schedule?.stoppedAt != null }, now);
    return [say(content, 'timeSet', vars(written, next))];
  }

  const command: ShellCommand = {
    name: 'schedule',
    async handle(input) {
      const parsed = parseScheduleCommand(input.text, { intent: input.intent, aliases: content.zoneAliases });
      return parsed ? handleCommand(parsed, input) : undefined;
    },
  };

  /**
   * Conversations this process knows to have a schedule row (bounded; a miss only costs one
   * lookup). Lets a screened person's later messages skip the store entirely.
   */
  const known = new Set<string>();
  const KNOWN_MAX = 50_000;
  const remember = (conversationId: string) => {
    if (known.size >= KNOWN_MAX) known.clear();
    known.add(conversationId);
  };

  /**
   * After every turn: uninstall stops the schedule (and says why in the log); the first turn after
   * screening completed creates the default schedule and tells the person how to change it.
   * With the turn's outcome (the bot passes it), a message that did not complete screening and whose
   * conversation has not finished screening costs no query; one that just completed it goes straight
   * to the idempotent insert; a screened conversation not yet known to have a schedule in this process
   * (after a restart, or a failed insert) is looked up once. Without it (other callers), the store decides.
   */
  async function afterTurn(activity: InboundActivity, turn?: { screeningDone: boolean; recorded: string[] }): Promise<string[]> {
    const conversationId = activity.conversation?.id;
    if (!conversationId) return [];
    const at = clock();
    const removed =
      (activity.type === 'installationUpdate' && /^remove/.test(String(activity.action ?? ''))) ||
      (activity.type === 'conversationUpdate' && (activity.membersRemoved ?? []).some((member) => member.id === activity.recipient?.id));
    if (removed) {
      if (await stopSchedule(db, conversationId, 'uninstalled: the bot was removed from the conversation', at)) {
        await recordScheduleEvent(db, conversationId, 'schedule.stopped', { reason: 'uninstalled', by: 'channel' }, at);
      }
      return [];
    }
    if (activity.type !== 'message') return [];
    if (turn) {
      const justScreened = turn.recorded.includes('screening.completed');
      if (!justScreened && (!turn.screeningDone || known.has(conversationId))) return [];
      if (!justScreened) {
        if (await hasSchedule(db, conversationId)) {
          remember(conversationId);
          return [];
        }
      }
    } else {
      if (await hasSchedule(db, conversationId)) return [];
      if (!(await hasEvent(db, conversationId, 'screening.completed'))) return [];
    }
    const guessed = guessZone(activity);
    const zone = guessed ?? 'UTC';
    const next = nextDueAt(content.defaultTime, zone, at);
    const created = await createScheduleIfAbsent(db, {
      conversationId, tenantId: tenantIdOf(activity) ?? null, localTime: formatLocalTime(content.defaultTime), timeZone: zone, zoneGuessed: true, pausedUntil: null, nextDueAt: next,
    }, at);
    remember(conversationId);
    if (!created) return [];
    await recordScheduleEvent(db, conversationId, 'schedule.set', { localTime: formatLocalTime(content.defaultTime), timeZone: zone, default: true }, at);
    return [`${say(content, 'scheduled', { time: formatLocalTime(content.defaultTime), zone })} ${say(content, guessed ? 'zoneGuessed' : 'zoneNotGuessed')}`];
  }

  return { command, afterTurn };
}
