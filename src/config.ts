import { z } from 'zod';
import { isKeySpec } from './privacy/crypto.ts';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const port = z.coerce.number<string>({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be 0-65535').max(65535, 'must be 0-65535');

/** A host name as Teams wants it in validDomains: no scheme, no path, no port. */
const hostName = z
  .string()
  .max(253)
  .regex(/^(?=.{1,253}$)(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*$/, 'must be a host name such as coach.clinic.example (no https://, no path, no port)');

const httpsUrl = z.url({ protocol: /^https$/, message: 'must be an https:// URL' });
/** https, or http on this machine (a portal's JWKS or a push service under test). */
const httpsOrLoopbackUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}, 'must be https:// (plain http only on localhost)');

/**
 * The Teams app package (`npm run teams:package`, src/channels/teams). Checked at start-up too, so
 * a wrong value is named before anyone builds a package with it.
 */
export const teamsPackageEnv = {
  TEAMS_APP_ID: optionalText.pipe(z.string().regex(/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/, 'must be a GUID').optional()),
  TEAMS_DEVELOPER_NAME: optionalText.pipe(z.string().max(32, 'must be at most 32 characters (Teams shows it as the publisher)').optional()),
  TEAMS_WEBSITE_URL: optionalText.pipe(httpsUrl.optional()),
  TEAMS_PRIVACY_URL: optionalText.pipe(httpsUrl.optional()),
  TEAMS_TERMS_URL: optionalText.pipe(httpsUrl.optional()),
  BOT_DOMAIN: optionalText.pipe(hostName.optional()),
};

const envSchema = z
  .object({
    PORT: optionalText.pipe(port.optional()).transform((value) => value ?? 3978),
    HOST: optionalText,
    DATA_DIR: optionalText.transform((value) => value ?? './data'),
    DATABASE_URL: optionalText.pipe(
      z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL').optional(),
    ),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: optionalText.pipe(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], { message: 'must be MultiTenant, SingleTenant or UserAssignedMSI' }).optional()),
    MicrosoftAppTenantId: optionalText,
    CLINICIAN_WEBHOOK_URL: optionalText.pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional()),
    /** Clinician side (src/clinician). The console answers 401 to everyone until CLINICIAN_TOKEN is set. */
    CLINICIAN_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    /** Where clinicians reach the console (https://…/clinician), for the Teams card's "Open record" button. */
    CLINICIAN_CONSOLE_URL: optionalText.pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional()),
    /** Minutes an emergency (and an urgent) handoff may wait for a clinician before it is re-notified, then escalated. */
    HANDOFF_ACCEPT_MINUTES: optionalText.pipe(z.coerce.number<string>({ message: 'must be a number' }).int('must be whole minutes').min(1).max(1440).optional()).transform((value) => value ?? 10),
    HANDOFF_ACCEPT_MINUTES_URGENT: optionalText.pipe(z.coerce.number<string>({ message: 'must be a number' }).int('must be whole minutes').min(1).max(2880).optional()).transform((value) => value ?? 60),
    /** The fallback contact told when an emergency or urgent handoff is not accepted in time (POST JSON). */
    ESCALATION_CONTACT_URL: optionalText.pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional()),
    /** Clinician sign-in with the clinic's OpenID Connect provider (src/clinician/console/oidc.ts): all three, or none. */
    OIDC_ISSUER_URL: optionalText.pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0' }).optional()),
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    /** Only people whose `roles` or `groups` claim holds this value may sign in to the console. */
    OIDC_REQUIRED_ROLE: optionalText,
    /** How long a console session lasts before the clinician signs in again. */
    CLINICIAN_SESSION_HOURS: optionalText.pipe(z.coerce.number<string>({ message: 'must be a number' }).int('must be whole hours').min(1, 'must be 1-168').max(168, 'must be 1-168').optional()).transform((value) => value ?? 12),
    /** The clinic's time zone (IANA name) for times in the console; the machine's own zone by default. */
    CLINIC_TIME_ZONE: optionalText.pipe(z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/London').optional()).transform((value) => value ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC')),
    /** The clinic's FHIR R4 server: each handoff's record is sent there (a transaction Bundle), retried until accepted. */
    FHIR_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional()),
    FHIR_BEARER_TOKEN: optionalText,
    CONTENT_DIR: optionalText.transform((value) => value ?? './content'),
    MAX_MESSAGE_LENGTH: optionalText.pipe(z.coerce.number<string>().int().min(100).max(100000).optional()).transform((value) => value ?? 4000),
    /** The local web chat and its Direct Line endpoint: on without MicrosoftAppId, off with it (auto), or forced. */
    LOCAL_WEBCHAT: optionalText.pipe(z.enum(['on', 'off', 'auto'], { message: 'must be on, off or auto' }).optional()).transform((value) => value ?? 'auto'),
    /** Privacy and security (src/privacy, src/security; see docs/privacy.md). */
    RETENTION_DAYS: optionalText.pipe(z.coerce.number<string>({ message: 'must be a number' }).int('must be a whole number of days').min(0, 'must be 0 (keep until deleted) or more').max(36500).optional()).transform((value) => value ?? 365),
    RETENTION_INTERVAL_MINUTES: optionalText.pipe(z.coerce.number<string>().int().min(1).max(10080).optional()).transform((value) => value ?? 60),
    RATE_LIMIT_MESSAGES: optionalText.pipe(z.coerce.number<string>().int().min(1).max(10000).optional()).transform((value) => value ?? 60),
    RATE_LIMIT_WINDOW_SECONDS: optionalText.pipe(z.coerce.number<string>().int().min(1).max(3600).optional()).transform((value) => value ?? 60),
    /** Where people's browsers reach the bot (export download links); the listening address by default. */
    PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional()),
    /** Encryption of stored free text: `<keyId>:<32 bytes as base64 or 64 hex digits>`; the previous key still decrypts during rotation. */
    DATA_ENCRYPTION_KEY: optionalText.pipe(z.string().regex(/^[A-Za-z0-9_-]{1,16}:\S+$/, 'must be <keyId>:<key>, e.g. k2026:base64-of-32-bytes').optional()),
    DATA_ENCRYPTION_KEY_PREVIOUS: optionalText.pipe(z.string().regex(/^[A-Za-z0-9_-]{1,16}:\S+$/, 'must be <keyId>:<key>').optional()),
    /** Operator endpoints (GET /metrics, /operator/...): a bearer token of at least 16 characters; without it they answer 401. */
    OPERATOR_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    LOG_LEVEL: optionalText.pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()).transform((value) => value ?? 'info'),
    /** Web chat (src/channels; see docs/channels.md). A clinic portal's own backend signs a short-lived token for its user: HS256 with this secret... */
    WEBCHAT_TOKEN_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    /** ...or with its own keys, published at this JWKS address. */
    WEBCHAT_JWKS_URL: optionalText.pipe(httpsOrLoopbackUrl.optional()),
    /** The `aud` a portal token must carry, and the `iss` when set. */
    WEBCHAT_TOKEN_AUDIENCE: optionalText.transform((value) => value ?? 'disc-coach'),
    WEBCHAT_TOKEN_ISSUER: optionalText,
    /** Whether a browser may start a conversation without a portal token: on, off, or auto (off once a portal is configured). */
    WEBCHAT_ANONYMOUS: optionalText.pipe(z.enum(['on', 'off', 'auto'], { message: 'must be on, off or auto' }).optional()).transform((value) => value ?? 'auto'),
    /** Sites allowed to show the chat page in a frame (space-separated origins, e.g. https://portal.clinic.example); none by default. */
    WEBCHAT_FRAME_ANCESTORS: optionalText.pipe(
      z.string().regex(/^(https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?)( +https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?)*$/, 'must be https:// origins separated by spaces').optional(),
    ),
    /** Web Push: the contact push services may use about this sender (mailto: or https:). */
    WEBPUSH_SUBJECT: optionalText.pipe(z.string().regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, 'must be a mailto: address or an https:// URL').optional()),
    /** The push services a browser's subscription may point at (comma-separated origins; * for one label). The big browsers' services by default. */
    WEBPUSH_SERVICES: optionalText.pipe(
      z.string().regex(/^\s*https?:\/\/[A-Za-z0-9.*-]+(:\d{1,5})?\s*(,\s*https?:\/\/[A-Za-z0-9.*-]+(:\d{1,5})?\s*)*$/, 'must be origins such as https://fcm.googleapis.com, separated by commas').optional(),
    ),
    ...teamsPackageEnv,
  })
  .superRefine((env, ctx) => {
    if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
    if (env.DATA_ENCRYPTION_KEY_PREVIOUS && !env.DATA_ENCRYPTION_KEY) {
      ctx.addIssue({ code: 'custom', path: ['DATA_ENCRYPTION_KEY'], message: 'is required when DATA_ENCRYPTION_KEY_PREVIOUS is set' });
    }
    for (const name of ['DATA_ENCRYPTION_KEY', 'DATA_ENCRYPTION_KEY_PREVIOUS'] as const) {
      const value = env[name];
      if (value && !isKeySpec(value)) ctx.addIssue({ code: 'custom', path: [name], message: 'the key must be 32 bytes, as base64 or 64 hex digits' });
    }
    const oidc = ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
    if (oidc.some((name) => env[name])) {
      for (const name of oidc) if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: `is required with ${oidc.filter((other) => env[other]).join(' and ')} (OpenID Connect sign-in needs all three)` });
      if (!env.PUBLIC_URL) ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'is required with OIDC_ISSUER_URL: the provider sends clinicians back to PUBLIC_URL/clinician/auth/callback' });
    }
    if (env.OIDC_REQUIRED_ROLE && !env.OIDC_ISSUER_URL) ctx.addIssue({ code: 'custom', path: ['OIDC_REQUIRED_ROLE'], message: 'needs OIDC_ISSUER_URL (roles come from the provider)' });
    if (env.FHIR_BEARER_TOKEN && !env.FHIR_BASE_URL) ctx.addIssue({ code: 'custom', path: ['FHIR_BEARER_TOKEN'], message: 'needs FHIR_BASE_URL' });
    if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppType is SingleTenant' });
    }
  });

export type Config = z.output<typeof envSchema> & { localMode: boolean };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Parses the environment once at start. Every problem is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    // A secret's value is never echoed: start-up output ends up in logs.
    const shown = (name: string) => (SECRET_NAME.test(name) ? '(value hidden)' : `(got ${JSON.stringify(redactUrl(env[name] ?? ''))})`);
    throw new ConfigError(result.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')}: ${issue.message} ${shown(String(issue.path[0]))}`));
  }
  return { ...result.data, localMode: !result.data.MicrosoftAppId };
}

const SECRET_NAME = /KEY|PASSWORD|SECRET|TOKEN/i;

/**
 * A URL as it may be shown: the password of `scheme://user:password@host` and any `password=` query
 * parameter replaced by `***`. Works on text that is not a valid URL too (a mistyped DATABASE_URL).
 */
export function redactUrl(value: string): string {
  return value.replace(/\b([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s"]*):[^@\s"]*@/gi, '$1:***@').replace(/([?&]password=)[^&\s]*/gi, '$1***');
}

/**
 * Text as it may be printed: every secret value of the environment (variables named like a key,
 * password, secret or token, and the passwords inside URL variables) replaced by `***`.
 */
export function redactSecrets(text: string, env: NodeJS.ProcessEnv): string {
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (SECRET_NAME.test(name) && value.trim().length >= 4) secrets.push(value.trim());
    const inUrl = /^[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:([^@\s]+)@/i.exec(value)?.[1];
    if (inUrl) secrets.push(inUrl, safeDecode(inUrl));
    for (const match of value.matchAll(/[?&]password=([^&\s]+)/gi)) secrets.push(match[1]!, safeDecode(match[1]!));
  }
  let shown = text;
  for (const secret of [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length)) shown = shown.split(secret).join('***');
  return redactUrl(shown);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
