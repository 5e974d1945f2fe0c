/**
 * /clinician/cases/:id/plan: what the coaching has shown for the person of a case (the limb score
 * trend, centralization, preferred direction, current exercises and stages, the weekly measures,
 * warning signs asked and denied), and a small form with the four changes a treating clinician
 * makes to the programme: the phase, the preferred direction, what to avoid, and discharge to the
 * maintenance plan. Each change becomes a CLINICIAN_PLAN event of the conversation machine (so the
 * rules honour it from the next plan on), the person is told in plain words, and it is audited.
 *
 * Kept apart from the rest of the console on purpose (one file, one registration line): it needs
 * only a way to authenticate, a way to run a turn, and a way to deliver its replies.
 */
import type { IncomingMessage } from 'node:http';
import type restify from 'restify';
import { z } from 'zod';
import type { ProactiveTurns } from '../../ports/turns.ts';
import type { Content } from '../../content/index.ts';
import { readBody } from '../../http/readBody.ts';
import type { Logger } from '../../log.ts';
import { coachingFacts } from '../../progress/outcomes.ts';
import { coachingPart } from '../../referral/summary.ts';
import { readConversation } from '../../store/conversations.ts';
import type { Database } from '../../store/database.ts';
import { listEvents } from '../../store/events.ts';
import type { ClinicianPlanChange, CoachEvent } from '../../../dialogs/types.ts';
import type { ConversationRef, MessagingPort } from '../../ports/messaging.ts';
import * as store from '../store.ts';
import { esc, page } from './views.ts';

/** The parts of the console's sign-in this page needs (console/auth.ts), sync or async. */
export interface PlanAuth<C extends { name: string; method: string }> {
  authenticate(req: IncomingMessage): C | undefined | Promise<C | undefined>;
  csrfFor(clinician: C): string;
  formAllowed(req: IncomingMessage, clinician: C, csrf: string | undefined): boolean;
}

export interface CoachingPlanDeps<C extends { name: string; method: string }> {
  db: Database;
  content: Content;
  log: Logger;
  now: () => Date;
  auth: PlanAuth<C>;
  /** Runs a turn the bot starts itself (src/bot/coachBot.ts proactiveTurn). */
  bot: ProactiveTurns;
  /** The clinician side's way to send (src/ports/messaging.ts), within the channel limits. */
  messaging: Pick<MessagingPort, 'continue'>;
}

const phases = ['acute', 'ongoing', 'later', 'post_surgery'] as const;
const directions = ['extension', 'flexion', 'retraction', 'lateral', 'rotation'] as const;
const restrictions = ['prone', 'loaded_flexion', 'weights', 'extension', 'flexion', 'retraction', 'lateral', 'rotation'] as const;

const csrf = z.string().min(1).max(200);
/** Each change is its own small form; the field `change` says which. */
export const planFormSchema = z.discriminatedUnion('change', [
  z.strictObject({ csrf, change: z.literal('phase'), phase: z.enum([...phases, 'automatic']) }),
  z.strictObject({ csrf, change: z.literal('direction'), direction: z.enum([...directions, 'automatic']) }),
  z.strictObject({ csrf, change: z.literal('avoid'), avoid: z.array(z.enum(restrictions)).max(restrictions.length) }),
  z.strictObject({ csrf, change: z.literal('discharge'), confirm: z.literal('yes', { error: 'tick the box to confirm the discharge' }) }),
]);

const words: Record<string, string> = {
  automatic: 'Automatic (from the answers)',
  acute: 'First days',
  ongoing: 'Ongoing',
  later: 'Later (bring back movements that used to irritate)',
  post_surgery: 'After surgery',
  extension: 'Extension',
  flexion: 'Flexion',
  retraction: 'Retraction (neck)',
  lateral: 'Lateral shift correction',
  rotation: 'Rotation',
  prone: 'Lying face down',
  loaded_flexion: 'Bending forward under load',
  weights: 'Anything with a weight',
};

const NOTICES: Record<string, string> = {
  changed: 'Saved. The person has been told, and their next plan follows it.',
  changedQuiet: 'Saved. The person could not be told just now; their next plan follows it.',
};

const securityHeaders = {
  'content-security-policy': "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

function send(res: restify.Response, status: number, html: string, extra: Record<string, string> = {}) {
  res.status(status);
  for (const [name, value] of Object.entries({ ...securityHeaders, 'content-type': 'text/html; charset=utf-8', ...extra })) res.setHeader(name, value);
  res.end(html);
}

/** A urlencoded form; repeated fields (the checkboxes) become arrays. */
async function readForm(req: restify.Request): Promise<Record<string, string | string[]> | undefined> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '')) return undefined;
  try {
    const form: Record<string, string | string[]> = {};
    for (const [key, value] of new URLSearchParams(await readBody(req, 16 * 1024))) {
      if (key === 'avoid') form.avoid = [...((form.avoid as string[] | undefined) ?? []), value];
      else form[key] = value;
    }
    return form;
  } catch {
    return undefined;
  }
}

/** The form's choice as the machine's change. */
export function changeOf(form: z.output<typeof planFormSchema>): ClinicianPlanChange {
  switch (form.change) {
    case 'phase':
      return { phase: form.phase === 'automatic' ? null : form.phase };
    case 'direction':
      return { direction: form.direction === 'automatic' ? null : form.direction };
    case 'avoid':
      return { avoid: form.avoid };
    case 'discharge':
      return { discharge: true };
  }
}

export function coachingPlanRoutes<C extends { name: string; method: string }>(deps: CoachingPlanDeps<C>): (server: restify.Server) => void {
  const caseId = z.coerce.number<unknown>().int().positive().max(Number.MAX_SAFE_INTEGER);
  const authenticate = async (req: IncomingMessage) => deps.auth.authenticate(req);

  async function render(res: restify.Response, clinician: C, id: number, status: number, notice?: string, problems: string[] = []) {
    const item = await store.getCase(deps.db, id);
    const row = item ? await readConversation(deps.db, item.conversationId) : null;
    if (!item || !row) return send(res, 404, page('Not found', '<p>No such case. <a href="/clinician">Back to the handoffs</a></p>'));
    const context = row.conversation.context;
    const now = deps.now().toISOString();
    const denied = (await listEvents(deps.db, item.conversationId, { types: ['redFlag.denied'], limit: 1000 }))
      .filter((e) => typeof e.data.flagId === 'string' && e.data.flagId !== 'checkIn.any')
      .map((e) => ({ flagId: String(e.data.flagId), at: e.at }));
    const facts = coachingFacts(context, deps.content, now, denied);
    const set = context.coaching?.clinicianPlan;
    const token = esc(deps.auth.csrfFor(clinician));
    const option = (value: string, current: string) => `<option value="${esc(value)}"${value === current ? ' selected' : ''}>${esc(words[value] ?? value)}</option>`;
    const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '<p>None yet.</p>');
    const body = `<h1>Programme for case #${item.id}</h1>
<p><a href="/clinician/cases/${item.id}">Back to the case</a></p>
${notice && NOTICES[notice] ? `<p role="status" class="notice" id="notice">${esc(NOTICES[notice])}</p>` : ''}
${problems.length ? `<ul class="problem" role="alert">${problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>` : ''}
<section><h2>What the coaching shows</h2><p class="summary" id="coaching-summary">${esc(coachingPart(context, deps.content, now, facts) || 'The exercise programme has not started.')}</p>
<h3>Current exercises and stages</h3>${list(facts.exercises.map((e) => `${e.name}: ${e.stage}`))}
<h3>Patient-Specific Functional Scale</h3>${list(facts.psfs.map((p) => `${p.activity}: ${p.first ?? '?'} to ${p.last ?? '?'} out of 10`))}
<h3>Warning signs asked and denied (last asked)</h3>${list(facts.deniedFlags.map((f) => `${f.label}: ${f.askedAt.slice(0, 10)}`))}</section>
<section><h2>Change the programme</h2>
<form method="post" action="/clinician/cases/${item.id}/plan" class="stack"><input type="hidden" name="csrf" value="${token}"><input type="hidden" name="change" value="phase">
<label for="phase">Phase</label><select id="phase" name="phase">${['automatic', ...phases].map((p) => option(p, set?.phase ?? 'automatic')).join('')}</select><button type="submit" id="set-phase">Set phase</button></form>
<form method="post" action="/clinician/cases/${item.id}/plan" class="stack"><input type="hidden" name="csrf" value="${token}"><input type="hidden" name="change" value="direction">
<label for="direction">Preferred direction (now: ${esc(facts.preference.direction)})</label><select id="direction" name="direction">${['automatic', ...directions].map((d) => option(d, set?.direction ?? 'automatic')).join('')}</select><button type="submit" id="set-direction">Set direction</button></form>
<form method="post" action="/clinician/cases/${item.id}/plan" class="stack"><input type="hidden" name="csrf" value="${token}"><input type="hidden" name="change" value="avoid">
<fieldset><legend>Never offer (contraindications)</legend>${restrictions
      .map((r) => `<label><input type="checkbox" name="avoid" value="${r}"${set?.avoid?.includes(r) ? ' checked' : ''}> ${esc(words[r] ?? r)}</label>`)
      .join(' ')}</fieldset><button type="submit" id="set-avoid">Save contraindications</button></form>
<form method="post" action="/clinician/cases/${item.id}/plan" class="stack"><input type="hidden" name="csrf" value="${token}"><input type="hidden" name="change" value="discharge">
<label><input type="checkbox" name="confirm" value="yes"> Discharge to the maintenance plan</label><button type="submit" id="discharge">Discharge</button></form></section>`;
    send(res, status, page(`Programme for case #${item.id}`, body, { clinician: { name: clinician.name, method: clinician.method, csrf: deps.auth.csrfFor(clinician) } }));
  }

  return (server) => {
    server.get('/clinician/cases/:id/plan', async (req, res) => {
      const clinician = await authenticate(req);
      if (!clinician) return send(res, 401, page('Sign in needed', '<p><a href="/clinician">Sign in to the care team console</a>.</p>'));
      const id = caseId.safeParse(req.params?.id);
      if (!id.success) return send(res, 404, page('Not found', '<p>No such case.</p>'));
      const item = await store.getCase(deps.db, id.data);
      await store.audit(deps.db, { actor: clinician.name, actorMethod: clinician.method, action: 'case.planViewed', caseId: id.data, conversationId: item?.conversationId ?? null }, deps.now());
      await render(res, clinician, id.data, 200, new URL(req.url ?? '/', 'http://console.invalid').searchParams.get('notice') ?? undefined);
    });

    server.post('/clinician/cases/:id/plan', async (req, res) => {
      try {
        const clinician = await authenticate(req);
        if (!clinician) return send(res, 401, page('Sign in needed', '<p><a href="/clinician">Sign in to the care team console</a>.</p>'));
        const id = caseId.safeParse(req.params?.id);
        const item = id.success ? await store.getCase(deps.db, id.data) : null;
        if (!id.success || !item) return send(res, 404, page('Not found', '<p>No such case. Nothing was changed.</p>'));
        const raw = await readForm(req);
        if (!raw || !deps.auth.formAllowed(req, clinician, typeof raw.csrf === 'string' ? raw.csrf : undefined)) {
          await store.audit(deps.db, { actor: clinician.name, actorMethod: clinician.method, action: 'case.planRefused', caseId: id.data, detail: { reason: 'csrf' } }, deps.now());
          return send(res, 403, page('Refused', '<p>This form is out of date or did not come from the console. Nothing was changed.</p>'));
        }
        const form = planFormSchema.safeParse({ ...raw, ...(raw.change === 'avoid' && raw.avoid === undefined ? { avoid: [] } : {}) });
        if (!form.success) return render(res, clinician, id.data, 400, undefined, form.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`));
        const change = changeOf(form.data);
        const at = deps.now().toISOString();
        const event: CoachEvent = { type: 'CLINICIAN_PLAN', at, clinician: clinician.name, change };
        const turn = await deps.bot.proactiveTurn(item.conversationId, () => [event]);
        let told = false;
        const address = turn?.reference as ConversationRef | null | undefined;
        if (address?.serviceUrl && turn?.replies.length) told = (await deps.messaging.continue(address, turn.replies)).outcome === 'sent';
        await store.audit(deps.db, { actor: clinician.name, actorMethod: clinician.method, action: 'case.planChanged', caseId: id.data, conversationId: item.conversationId, detail: { ...change, told } }, deps.now());
        res.status(303);
        for (const [name, value] of Object.entries({ ...securityHeaders, location: `/clinician/cases/${id.data}/plan?notice=${told ? 'changed' : 'changedQuiet'}` })) res.setHeader(name, value);
        res.end();
      } catch (error) {
        deps.log.error({ err: error }, 'clinician plan change failed');
        if (!res.headersSent) send(res, 500, page('Error', '<p>Something went wrong. Nothing more was changed.</p>'));
      }
    });
  };
}
