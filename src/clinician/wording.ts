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
    acceptedTitle: text,
    closedTitle: text,
    acceptedByLabel: text,
    person: text,
    outcomeLabel: text,
    outcomePlaceholder: text,
    closeNote: text,
    clearanceReason: text,
    clearanceConfirm: text,
    close: text,
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
    needsOutcome: text,
    needsClearance: text,
    closed: text,
    stale: text,
    updateFallback: text,
  }),
  patient: z.strictObject({ fromClinician: text, emergencyNoOneYet: text }),
  status: z.strictObject({
    emergencyFirst: text,
    urgentFirst: text,
    soonFirst: text,
    waiting: text,
    waitingEscalated: text,
    accepted: text,
    closed: text,
    none: text,
    askAgain: text,
    justNow: text,
    minutesAgo: text,
    hoursAgo: text,
    daysAgo: text,
  }),
  delivery: z.strictObject({ stop: text, retry: text, fail: text, noReference: text }),
});

const coding = z.strictObject({ system: z.url(), code: text, display: text });
const limbSites = z.strictObject({ lower: coding, upper: coding });

/** content/clinician/fhir.yaml: the codes of the FHIR export. */
export const fhirCodesSchema = z.strictObject({
  sources: z.array(text).min(1, 'name the source of the codes'),
  condition: z.strictObject({ text, byRegion: z.strictObject({ lumbar: z.strictObject({ code: coding, bodySite: coding }), thoracic: z.strictObject({ code: coding, bodySite: coding }), cervical: z.strictObject({ code: coding, bodySite: coding }) }) }),
  pain: z.strictObject({ code: coding, text }),
  limb: z.strictObject({ text, bodySite: limbSites }),
  psfs: z.strictObject({ text }),
  priority: z.strictObject({ emergency: z.enum(['stat', 'asap', 'urgent', 'routine']), urgent: z.enum(['stat', 'asap', 'urgent', 'routine']), soon: z.enum(['stat', 'asap', 'urgent', 'routine']), routine: z.enum(['stat', 'asap', 'urgent', 'routine']) }),
  referral: z.strictObject({ text }),
});
export type FhirCodes = z.infer<typeof fhirCodesSchema>;

export type ClinicianWording = z.infer<typeof clinicianWordingSchema> & { fhir: FhirCodes };

/** content/clinician/wording.yaml and fhir.yaml, checked at start-up; problems name the file and the field. */
export function loadClinicianWording(contentDir: string): { wording?: ClinicianWording; problems: string[] } {
  const load = loadYamlFile(join(contentDir, 'clinician', 'wording.yaml'), clinicianWordingSchema, contentDir);
  const fhir = loadYamlFile(join(contentDir, 'clinician', 'fhir.yaml'), fhirCodesSchema, contentDir);
  const wording = load.items[0]?.value;
  const codes = fhir.items[0]?.value;
  return { wording: wording && codes ? { ...wording, fhir: codes } : undefined, problems: [...load.problems, ...fhir.problems] };
}
