/**
 * Sends a person's record to the clinic's FHIR R4 server (FHIR_BASE_URL) as a transaction of PUTs,
 * with a bearer token when one is configured. The answer is checked with zod: only a 2xx with a
 * transaction-response whose every entry succeeded counts as delivered; anything else is retried
 * by the notifier like the webhook.
 */
import type { Bundle } from '@medplum/fhirtypes';
import { z } from 'zod';
import { asTransaction } from './bundle.ts';

export interface FhirServer {
  baseUrl: string;
  token?: string;
}

const operationOutcomeSchema = z.object({ resourceType: z.literal('OperationOutcome'), issue: z.array(z.object({ severity: z.string(), code: z.string(), diagnostics: z.string().optional() }).loose()).default([]) }).loose();

export const transactionResponseSchema = z
  .object({
    resourceType: z.literal('Bundle'),
    type: z.literal('transaction-response'),
    entry: z.array(z.object({ response: z.object({ status: z.string().min(1) }).loose() }).loose()).default([]),
  })
  .loose();

export type PushResult = { ok: true; entries: number } | { ok: false; error: string };

function outcomeText(body: unknown): string | undefined {
  const outcome = operationOutcomeSchema.safeParse(body);
  if (!outcome.success) return undefined;
  return outcome.data.issue.map((issue) => issue.diagnostics ?? issue.code).join('; ').slice(0, 300) || undefined;
}

export async function pushBundle(server: FhirServer, bundle: Bundle, send: typeof fetch = fetch, timeoutMs = 15_000): Promise<PushResult> {
  const transaction = asTransaction(bundle);
  let response: Response;
  try {
    response = await send(server.baseUrl.replace(/\/+$/, ''), {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json', accept: 'application/fhir+json', ...(server.token ? { authorization: `Bearer ${server.token}` } : {}) },
      body: JSON.stringify(transaction),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    return { ok: false, error: (cause as Error).name === 'TimeoutError' ? 'timed out' : ((cause as Error).message ?? 'network error') };
  }
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  if (!response.ok) return { ok: false, error: `HTTP ${response.status}${outcomeText(body) ? `: ${outcomeText(body)}` : ''}` };
  const parsed = transactionResponseSchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: `HTTP ${response.status} without a transaction-response Bundle` };
  const failed = parsed.data.entry.filter((entry) => !/^2\d\d\b/.test(entry.response.status));
  if (failed.length) return { ok: false, error: `${failed.length} of ${parsed.data.entry.length} entries refused (${failed[0]!.response.status})` };
  return { ok: true, entries: parsed.data.entry.length };
}
