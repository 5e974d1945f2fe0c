/**
 * content/schedule/: the wording and settings of daily check-ins, validated with zod. A problem
 * names the file and the field, like every other content file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../content/yamlCache.ts';
import { z } from 'zod';
import { canonicalZone, parseLocalTimeOfDay, type LocalTime } from './time.ts';
import { fill } from '../wording/fill.ts';

/** Each message and the placeholders it may use. */
const MESSAGE_VARS = {
  scheduled: ['time', 'zone'],
  zoneGuessed: [],
  zoneNotGuessed: [],
  timeSet: ['time', 'zone', 'next'],
  zoneUnknown: ['zone'],
  timeNeeded: [],
  paused: ['days', 'next', 'time', 'zone'],
  pauseCapped: ['max', 'next', 'time', 'zone'],
  resumed: ['next', 'time', 'zone'],
  notPaused: ['next', 'time', 'zone'],
  stopped: [],
  alreadyStopped: [],
  status: ['time', 'zone', 'next'],
  statusPaused: ['time', 'zone', 'next'],
  statusStopped: [],
  statusNone: [],
  reminder: [],
} as const satisfies Record<string, readonly string[]>;

export type ScheduleMessageKey = keyof typeof MESSAGE_VARS;

const text = z.string().trim().min(1, 'must not be empty');

const messagesSchema = z.object({
  messages: z.object(Object.fromEntries(Object.keys(MESSAGE_VARS).map((key) => [key, text])) as Record<ScheduleMessageKey, typeof text>).strict()
    .superRefine((messages, ctx) => {
      for (const [key, allowed] of Object.entries(MESSAGE_VARS)) {
        const template = (messages as Record<string, string>)[key] ?? '';
        for (const match of template.matchAll(/\{(\w+)\}/g)) {
          if (!(allowed as readonly string[]).includes(match[1]!)) {
            ctx.addIssue({ code: 'custom', path: [key], message: `unknown placeholder {${match[1]}}; use ${allowed.map((v) => `{${v}}`).join(', ') || 'none'}` });
          }
        }
      }
    }),
});

const hour = z.number().int().min(0).max(23);
const settingsSchema = z.object({
  defaultTime: z.string().refine((value) => parseLocalTimeOfDay(value) !== null, 'must be HH:MM, 24-hour'),
  reminderAfterHours: z.number().min(0.5).max(12),
  quietHours: z.object({ from: hour, to: hour }),
  defaultPauseDays: z.number().int().min(1).max(365),
  maxPauseDays: z.number().int().min(1).max(365),
  lateGraceMinutes: z.number().int().min(1).max(24 * 60),
  zoneAliases: z.record(z.string(), z.string()).superRefine((aliases, ctx) => {
    for (const [alias, zone] of Object.entries(aliases)) {
      if (!canonicalZone(zone)) ctx.addIssue({ code: 'custom', path: [alias], message: `"${zone}" is not an IANA time zone` });
    }
  }),
});

export interface ScheduleContent {
  messages: Record<ScheduleMessageKey, string>;
  defaultTime: LocalTime;
  reminderAfterHours: number;
  quietHours: { from: number; to: number };
  defaultPauseDays: number;
  maxPauseDays: number;
  lateGraceMinutes: number;
  /** Lower-case words → canonical IANA zone. */
  zoneAliases: Record<string, string>;
}

function readYaml(dir: string, file: string, problems: string[]): unknown {
  try {
    return parseYaml(readFileSync(join(dir, file), 'utf8'));
  } catch (error) {
    problems.push(`schedule/${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file is missing' : `not valid YAML (${(error as Error).message.split('\n')[0]})`}`);
    return undefined;
  }
}

/** Loads content/schedule/ (messages.yaml, settings.yaml) from the content root. */
export function loadScheduleContent(contentDir: string): { content?: ScheduleContent; problems: string[] } {
  const dir = join(contentDir, 'schedule');
  const problems: string[] = [];
  const rawMessages = readYaml(dir, 'messages.yaml', problems);
  const rawSettings = readYaml(dir, 'settings.yaml', problems);
  if (problems.length) return { problems };
  const messages = messagesSchema.safeParse(rawMessages);
  if (!messages.success) for (const issue of messages.error.issues) problems.push(`schedule/messages.yaml: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  const settings = settingsSchema.safeParse(rawSettings);
  if (!settings.success) for (const issue of settings.error.issues) problems.push(`schedule/settings.yaml: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  if (!messages.success || !settings.success) return { problems };
  const s = settings.data;
  return {
    problems,
    content: {
      messages: messages.data.messages as Record<ScheduleMessageKey, string>,
      defaultTime: parseLocalTimeOfDay(s.defaultTime)!,
      reminderAfterHours: s.reminderAfterHours,
      quietHours: s.quietHours,
      defaultPauseDays: s.defaultPauseDays,
      maxPauseDays: s.maxPauseDays,
      lateGraceMinutes: s.lateGraceMinutes,
      zoneAliases: Object.fromEntries(Object.entries(s.zoneAliases).map(([alias, zone]) => [alias.toLowerCase().trim(), canonicalZone(zone)!])),
    },
  };
}

export function say(content: ScheduleContent, key: ScheduleMessageKey, vars: Record<string, string | number> = {}): string {
  return fill(content.messages[key], vars);
}
