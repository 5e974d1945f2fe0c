/**
 * The queue on a busy day, over HTTP: each person's cases together under their display name,
 * the most urgent first, filters and search, times in CLINIC_TIME_ZONE, overdue marks against the
 * accept windows, and a live event stream that tells the page when a case arrives.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { onboard } from '../helpers/onboarding.ts';
import { Person } from '../helpers/botClient.ts';
import { buildQueue, readFilters } from '../../src/clinician/console/queue.ts';
import { listLiveCases, type QueueCase } from '../../src/clinician/store.ts';
import { TOKEN, startClinicianWorld, type ClinicianWorld } from './harness.ts';
import { forSuite } from '../helpers/forSuite.ts';

const bearer = { authorization: `Bearer ${TOKEN}`, 'x-clinician-name': 'Dr Sam Lee' };

describe('the queue', () => {
  // 09:00 UTC is 10:00 in Berlin in March (CET).
  const world = forSuite(() => startClinicianWorld({ CLINIC_TIME_ZONE: 'Europe/Berlin', HANDOFF_ACCEPT_MINUTES: '10' }));
  let maria: Person;
  let jon: Person;

  beforeAll(async () => {
    maria = new NamedPerson(world, 'Maria Keller');
    jon = new NamedPerson(world, 'Jon Berg');
    await onboard(maria);
    await onboard(jon);
    await maria.say('can I talk to someone please');
    await world.bot.app.clinician.service.wake();
    // Maria's routine request is closed; later she has an emergency. Jon has an urgent case.
    const routine = (await listLiveCases(world.bot.app.db)).find((c) => c.conversationId === maria.conversationId)!;
    await fetch(`${world.bot.url}/clinician/cases/${routine.id}/close`, { method: 'POST', redirect: 'manual', headers: { ...bearer, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf: 'bearer', version: String(routine.version), outcome: 'continue_monitoring' }).toString() });
    world.clock.advance(5);
    await jon.say('my left foot keeps dragging on the ground when I walk');
    world.clock.advance(1);
    await maria.say("I've started leaking urine and need pads");
    await world.bot.app.clinician.service.wake();
    world.clock.advance(14);
  }, 60_000);

  const page = async (query = '') => (await fetch(`${world.bot.url}/clinician${query}`, { headers: bearer })).text();
  const rowsOf = (html: string) => [...html.matchAll(/<tr class="case[^"]*" data-case="(\d+)" data-urgency="(\w+)" data-status="(\w+)">([\s\S]*?)<\/tr>/g)].map((m) => ({ id: Number(m[1]), urgency: m[2], status: m[3], html: m[4]! }));

  it('groups cases per person under their display name, the emergency first, with clinic times and overdue marks', async () => {
    const html = await page();
    const rows = rowsOf(html);
    expect(rows.map((r) => r.urgency)).toEqual(['emergency', 'urgent']);
    const emergency = rows[0]!;
    expect(emergency.html).toContain('Maria Keller');
    // Opened at 09:06 UTC = 10:06 in Berlin; waited 14 minutes against a 10-minute window.
    expect(emergency.html).toMatch(/<time datetime="2026-03-02T09:06:00.000Z"[^>]*>10:06<\/time> · 14 min/);
    expect(emergency.html).toMatch(/OVERDUE by 4 min/);
    // Her earlier (closed) case is linked from her group.
    expect(emergency.html).toMatch(/1 other case\(s\): <a href="\/clinician\/cases\/\d+">#\d+<\/a>/);
    expect(rows[1]!.html).toContain('Jon Berg');
    expect(rows[1]!.html).not.toMatch(/OVERDUE/);
    expect(html).toMatch(/Times in Europe\/Berlin/);
    expect(html).toMatch(/2 open or accepted · 1 emergency · 1 overdue/);
  });

  it('filters by urgency, status and overdue, and searches names, case numbers and warning signs', async () => {
    expect(rowsOf(await page('?urgency=urgent')).map((r) => r.urgency)).toEqual(['urgent']);
    expect(rowsOf(await page('?overdue=yes')).map((r) => r.urgency)).toEqual(['emergency']);
    expect(rowsOf(await page('?status=closed')).map((r) => r.status)).toEqual(['closed']);
    expect(rowsOf(await page('?q=keller&status=all')).map((r) => r.urgency).sort()).toEqual(['emergency', 'routine']);
    expect(rowsOf(await page('?q=foot')).map((r) => r.urgency)).toEqual(['urgent']);
    const [jonsCase] = rowsOf(await page('?q=Jon'));
    expect(rowsOf(await page(`?q=%23${jonsCase!.id}`)).map((r) => r.id)).toEqual([jonsCase!.id]);
    expect(await page('?q=nobody-at-all')).toMatch(/No case matches these filters/);
    // Values that are not filters are ignored, not an error.
    expect(rowsOf(await page('?urgency=<script>&status=everything')).length).toBe(2);
  });

  it('tells a listening page at once when a case arrives, and serves the table it then fetches', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${world.bot.url}/clinician/events`, { headers: bearer, signal: controller.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(seen)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${pattern}: ${seen}`);
        seen += decoder.decode(value);
      }
    };
    await until(/event: ready/);
    const newcomer = world.person();
    await onboard(newcomer);
    await newcomer.say('both my legs have gone weak and I keep falling');
    await world.bot.app.clinician.service.wake();
    await until(/event: queue\ndata: \{"caseId":\d+,"kind":"opened","urgency":"(emergency|urgent)"\}/);
    controller.abort();
    const table = await (await fetch(`${world.bot.url}/clinician/queue/rows`, { headers: bearer })).text();
    expect(rowsOf(table)).toHaveLength(3);
    expect((await fetch(`${world.bot.url}/clinician/events`)).status).toBe(401);
  });

  it('orders and filters the same way as a pure function', () => {
    const base = { reasons: [], region: 'lumbar', summary: '', version: 1, clinician: null, acceptedAt: null, outcome: null, closedAt: null, closedBy: null, reminders: 0, nextCheckAt: null, escalatedAt: null, channelId: 'test', updatedAt: '2026-03-02T09:00:00.000Z' };
    const cases: QueueCase[] = [
      { ...base, id: 1, conversationId: 'a', personName: 'Ann', urgency: 'routine', status: 'open', createdAt: '2026-03-02T08:00:00.000Z' },
      { ...base, id: 2, conversationId: 'b', personName: 'Bo', urgency: 'urgent', status: 'open', createdAt: '2026-03-02T07:00:00.000Z' },
      { ...base, id: 3, conversationId: 'a', personName: 'Ann', urgency: 'emergency', status: 'closed', createdAt: '2026-03-01T08:00:00.000Z', closedAt: '2026-03-01T09:00:00.000Z' },
    ];
    const { groups } = buildQueue(cases, readFilters(new URLSearchParams()), new Date('2026-03-02T09:00:00Z'), { emergency: 10, urgent: 60 }, (id) => id);
    expect(groups.map((g) => [g.personName, g.rows.map((r) => r.id), g.others.map((o) => o.id)])).toEqual([
      ['Bo', [2], []],
      ['Ann', [1], [3]],
    ]);
    expect(groups[0]!.rows[0]!.overdueBy).toBe(60);
  });
});

/** A person whose channel gives a display name (Teams and the clinic's portal do). */
class NamedPerson extends Person {
  constructor(
    world: ClinicianWorld,
    private readonly name: string,
  ) {
    super(world.bot.url);
    this.serviceUrl = world.connector.serviceUrl;
  }
  override activity(extra: Record<string, unknown>) {
    return { ...super.activity(extra), from: { id: this.id, name: this.name } };
  }
}
