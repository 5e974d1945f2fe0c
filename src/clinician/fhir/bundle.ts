/**
 * A person's record as a FHIR R4 Bundle (type collection), built from the stored conversation and
 * the append-only clinical log. Pure: the same record always gives the same resource ids, so a push
 * to the clinic's server (as a transaction of PUTs) can be repeated without making duplicates.
 *
 *   Patient            pseudonymous: the channel's identifier, no name
 *   Condition          disc herniation, with the spine region as body site
 *   Observation        each pain score (LOINC 72514-3), each leg/arm score, each PSFS rating
 *   Flag               each warning sign, with the person's own words
 *   ServiceRequest     each referral to the care team, with its priority and the flags behind it
 *   QuestionnaireResponse  the screening answers
 */
import { createHash } from 'node:crypto';
import type { Bundle, BundleEntry, CodeableConcept, Condition, Flag, Observation, Patient, QuestionnaireResponse, QuestionnaireResponseItem, Reference, Resource, ServiceRequest } from '@medplum/fhirtypes';
import type { Content } from '../../content/index.ts';
import type { StoredEvent } from '../../store/events.ts';
import type { CoachContext } from '../../../dialogs/types.ts';
import type { FhirCodes } from '../wording.ts';

export interface FhirRecordInput {
  conversationId: string;
  channelId: string | null;
  userId: string | null;
  context: CoachContext;
  events: StoredEvent[];
  /** Closed cases' close times: referrals before the last one are completed. */
  closedAt: string[];
  now: Date;
}

export interface FhirDeps {
  content: Content;
  codes: FhirCodes;
}

/** A stable UUID from a name (SHA-256 based, shaped as a version 8 UUID). */
export function stableUuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const RED_FLAG_SYSTEM = 'urn:disc-coach:red-flag';
const OBSERVATION_SYSTEM = 'urn:disc-coach:observation';
const QUESTION_SYSTEM = 'urn:disc-coach:question';
const survey: CodeableConcept[] = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }] }];

type Entry = { resource: Resource & { id: string } };

export function buildPatientBundle(input: FhirRecordInput, deps: FhirDeps): Bundle {
  const { content, codes } = deps;
  const { conversationId, context, events } = input;
  const uuid = (...parts: string[]) => stableUuid('disc-coach', conversationId, ...parts);
  const patientId = uuid('patient');
  // References are `Type/id` (resolved in the Bundle by type and id, and by the server in a transaction of PUTs).
  const subject: Reference<Patient> = { reference: `Patient/${patientId}` };
  const entries: Entry[] = [];
  const labels = content.conversation.labels;

  const patient: Patient = {
    resourceType: 'Patient',
    id: patientId,
    identifier: [
      { system: `urn:disc-coach:channel:${input.channelId ?? 'unknown'}`, value: input.userId ?? conversationId },
      { system: 'urn:disc-coach:conversation', value: conversationId },
    ],
    active: true,
  };
  entries.push({ resource: patient as Patient & { id: string } });

  const region = context.profile.region;
  const condition: Condition = {
    resourceType: 'Condition',
    id: uuid('condition'),
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'unconfirmed' }] },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }],
    code: { ...(region ? { coding: [codes.condition.byRegion[region].code] } : {}), text: codes.condition.text },
    ...(region ? { bodySite: [{ coding: [codes.condition.byRegion[region].bodySite], text: labels.region?.[region] ?? region }] } : {}),
    subject,
    ...(context.profile.onset ? { onsetString: labels.onset?.[context.profile.onset] ?? context.profile.onset } : {}),
    recordedDate: events.find((e) => e.type === 'screening.answer')?.at ?? input.now.toISOString(),
  };
  entries.push({ resource: condition as Condition & { id: string } });

  const score = (event: StoredEvent) => (typeof event.data.score === 'number' && Number.isInteger(event.data.score) ? event.data.score : undefined);
  const askedDuring = (event: StoredEvent) => (event.data.context ? [{ text: `asked during ${event.data.context === 'checkIn' ? 'a daily check-in' : String(event.data.context)}` }] : []);
  // One scored answer as an Observation; `extra` adds what only that kind of score has.
  const observation = (event: StoredEvent, value: number, code: CodeableConcept, extra: Partial<Observation> = {}): Entry => ({
    resource: { resourceType: 'Observation', id: uuid('observation', String(event.id)), status: 'final', category: survey, code, subject, effectiveDateTime: event.at, valueInteger: value, ...extra } as Observation & { id: string },
  });
  for (const event of events) {
    const value = score(event);
    if (value === undefined) continue;
    if (event.type === 'pain.score') {
      entries.push(observation(event, value, { coding: [codes.pain.code], text: codes.pain.text }, { note: askedDuring(event) }));
    } else if (event.type === 'limb.score') {
      entries.push(
        observation(event, value, { coding: [{ system: OBSERVATION_SYSTEM, code: 'limb-symptoms', display: 'Leg or arm symptom score' }], text: codes.limb.text }, {
          bodySite: { coding: [region === 'cervical' ? codes.limb.bodySite.upper : codes.limb.bodySite.lower] },
          note: askedDuring(event),
        }),
      );
    } else if (event.type === 'psfs.score') {
      const activity = typeof event.data.activity === 'string' ? event.data.activity : undefined;
      entries.push(
        observation(
          event,
          value,
          { coding: [{ system: OBSERVATION_SYSTEM, code: 'psfs', display: 'Patient-Specific Functional Scale' }], text: codes.psfs.text },
          activity ? { component: [{ code: { coding: [{ system: OBSERVATION_SYSTEM, code: 'psfs-activity', display: 'Activity' }], text: 'Activity' }, valueString: activity }] } : {},
        ),
      );
    }
  }

  const lastClosed = input.closedAt.slice().sort().at(-1);
  const flagIds = new Map<string, string[]>();
  for (const event of events.filter((e) => e.type === 'redFlag.raised')) {
    const flagId = String(event.data.flagId ?? '');
    if (!flagId) continue;
    const flag = content.redFlags.byId.get(flagId);
    const label = flag?.label ?? flagId;
    const words = String(event.data.matched ?? '');
    const id = uuid('flag', String(event.id));
    const resolved = lastClosed !== undefined && event.at <= lastClosed;
    const resource: Flag = {
      resourceType: 'Flag',
      id,
      status: resolved ? 'inactive' : 'active',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: 'clinical', display: 'Clinical' }] }],
      code: { coding: [{ system: RED_FLAG_SYSTEM, code: flagId, display: label }], text: `${label} (${String(event.data.urgency ?? flag?.urgency ?? '')}). In their words: "${words}"` },
      subject,
      period: { start: event.at },
    };
    entries.push({ resource: resource as Flag & { id: string } });
    flagIds.set(flagId, [...(flagIds.get(flagId) ?? []), id]);
  }

  for (const event of events.filter((e) => e.type === 'referral.made')) {
    const urgency = String(event.data.urgency ?? 'routine') as keyof FhirCodes['priority'];
    const reasons = Array.isArray(event.data.reasons) ? (event.data.reasons as unknown[]).map(String) : [];
    const reasonFlags = reasons.flatMap((reason) => (flagIds.get(reason) ?? []).slice(-1));
    const completed = lastClosed !== undefined && event.at <= lastClosed;
    const resource: ServiceRequest = {
      resourceType: 'ServiceRequest',
      id: uuid('referral', String(event.id)),
      status: completed ? 'completed' : 'active',
      intent: 'proposal',
      priority: codes.priority[urgency] ?? 'routine',
      code: { text: codes.referral.text },
      subject,
      authoredOn: event.at,
      reasonCode: reasons.map((reason) => ({ coding: [{ system: RED_FLAG_SYSTEM, code: reason, display: content.redFlags.byId.get(reason)?.label ?? reason }], text: content.redFlags.byId.get(reason)?.label ?? reason })),
      ...(reasonFlags.length ? { supportingInfo: reasonFlags.map((id) => ({ reference: `Flag/${id}` })) } : {}),
      note: [{ text: `Urgency: ${urgency}` }],
    };
    entries.push({ resource: resource as ServiceRequest & { id: string } });
  }

  const questionnaire = screeningResponse(input, deps, subject, uuid('screening'));
  if (questionnaire) entries.push({ resource: questionnaire as QuestionnaireResponse & { id: string } });

  const entry: BundleEntry[] = entries.map(({ resource }) => ({ fullUrl: `urn:uuid:${resource.id}`, resource }));
  return { resourceType: 'Bundle', id: uuid('bundle', String(events.at(-1)?.id ?? 0)), type: 'collection', timestamp: input.now.toISOString(), entry };
}

/** The screening answers: the latest answer to each question, with the question's wording. */
function screeningResponse(input: FhirRecordInput, deps: FhirDeps, subject: Reference<Patient>, id: string): QuestionnaireResponse | undefined {
  const { content } = deps;
  const questions = content.conversation.questions as Record<string, { text?: string } | undefined>;
  const labels = content.conversation.labels;
  const items = new Map<string, QuestionnaireResponseItem & { at: string }>();
  for (const event of input.events) {
    if (event.type === 'screening.answer') {
      const question = String(event.data.question ?? '');
      const raw = event.data.value;
      if (!question || raw === undefined || raw === null) continue;
      const answer = typeof raw === 'number' && Number.isInteger(raw) ? { valueInteger: raw } : { valueString: labels[question]?.[String(raw)] ?? String(raw) };
      items.set(question, { linkId: question, text: questions[question]?.text ?? question, answer: [answer], at: event.at });
    } else if (event.type === 'pain.score' && event.data.context === 'screening' && typeof event.data.score === 'number') {
      items.set('pain', { linkId: 'pain', text: questions.pain?.text ?? 'pain', answer: [{ valueInteger: event.data.score }], at: event.at });
    } else if (event.type === 'redFlag.denied' || (event.type === 'redFlag.raised' && /^yes to:/.test(String(event.data.matched ?? '')))) {
      const flagId = String(event.data.flagId ?? '');
      const flag = content.redFlags.byId.get(flagId);
      if (!flag) continue;
      items.set(`redFlag.${flagId}`, { linkId: `redFlag.${flagId}`, text: flag.question ?? flag.label, answer: [{ valueBoolean: event.type === 'redFlag.raised' }], at: event.at });
    }
  }
  if (items.size === 0) return undefined;
  const ordered = [...items.values()].sort((a, b) => a.at.localeCompare(b.at));
  const completed = input.events.some((event) => event.type === 'screening.completed');
  return {
    resourceType: 'QuestionnaireResponse',
    id,
    identifier: { system: QUESTION_SYSTEM, value: 'disc-coach-screening' },
    status: completed ? 'completed' : 'in-progress',
    subject,
    authored: ordered.at(-1)!.at,
    item: ordered.map(({ at: _at, ...item }) => item),
  };
}

/** The same resources as a transaction of PUTs, for the clinic's FHIR server: repeating it changes nothing. */
export function asTransaction(bundle: Bundle): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: (bundle.entry ?? []).map((entry) => ({ fullUrl: entry.fullUrl!, resource: entry.resource!, request: { method: 'PUT', url: `${entry.resource!.resourceType}/${entry.resource!.id}` } })),
  };
}
