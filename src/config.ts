import { z } from 'zod';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const port = z.coerce.number<string>({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be 0-65535').max(65535, 'must be 0-65535');

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
    CONTENT_DIR: optionalText.transform((value) => value ?? './content'),
    MAX_MESSAGE_LENGTH: optionalText.pipe(z.coerce.number<string>().int().min(100).max(100000).optional()).transform((value) => value ?? 4000),
    /** The local web chat and its Direct Line endpoint: on without MicrosoftAppId, off with it (auto), or forced. */
    LOCAL_WEBCHAT: optionalText.pipe(z.enum(['on', 'off', 'auto'], { message: 'must be on, off or auto' }).optional()).transform((value) => value ?? 'auto'),
    LOG_LEVEL: optionalText.pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()).transform((value) => value ?? 'info'),
  })
  .superRefine((env, ctx) => {
    if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
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
    throw new ConfigError(result.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])] ?? '')})`));
  }
  return { ...result.data, localMode: !result.data.MicrosoftAppId };
}
