import { join } from 'node:path';
import { z } from 'zod';
import { loadYamlFile } from '../content/loadYamlDir.ts';

const text = z.string().trim().min(1);
const byUrgency = z.strictObject({ emergency: text, urgent: text, soon: text, routine: text });

export const clinicianWordingSchema = z.strictObject({
  urgency: byUrgency,
  urgencyMarker: byUrgency,
  reasons: z.record(z.string(), text),
  outcomes: z.strictObject({ cleared_to_exercise: text, seen_in_ed: text, refer_to_surgeon: text, continue_monitoring: text, no_contact: text }),
  card: z.strictObject({
    title: text,
    reminderTitle: text,
    escalatedTitle: text,
    urgencyLabel: text,
    reasonsLabel: text,
    regionLabel: text,
    painLabel: text,
    summaryLabel: text,
    noPain: text,
    accept: text,
    open: text,
    reply: text,
    replyPlaceholder: text,
    relayTitle: text,
    noConsoleUrl: text,
    trendRising: text,
    trendFalling: text,
    trendSteady: text,
  }),
  teams: z.strictObject({
    channelRegistered: text,
    needsCode: text,
    badCode: text,
    accepted: text,
    alreadyTaken: text,
    unknownCase: text,
    sent: text,
    notSent: text,
    invalid: text,
  }),
  patient: z.strictObject({ fromClinician: text, emergencyNoOneYet: text }),
  delivery: z.strictObject({ stop: text, retry: text, fail: text, noReference: text }),
});

export type ClinicianWording = z.infer<typeof clinicianWordingSchema>;

/** content/clinician/wording.yaml, checked at start-up; problems name the file and the field. */
export function loadClinicianWording(contentDir: string): { wording?: ClinicianWording; problems: string[] } {
  const load = loadYamlFile(join(contentDir, 'clinician', 'wording.yaml'), clinicianWordingSchema, contentDir);
  return { wording: load.items[0]?.value, problems: load.problems };
}

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (vars[name] === undefined ? whole : String(vars[name])));
}
