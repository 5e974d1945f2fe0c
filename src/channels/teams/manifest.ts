import { z } from 'zod';

/**
 * The Teams app manifest (schema v1.17), checked for the fields that schema requires and their
 * limits, so a package that Teams would refuse never gets written.
 */
const guid = z.string().regex(/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/, 'must be a GUID');
const httpsUrl = z.string().max(2048).regex(/^https:\/\/\S+$/, 'must be an https:// URL');
const file = z.string().min(1).regex(/^[^/\\]+\.png$/i, 'must be a .png file name in the package');

export const manifestSchema = z.looseObject({
  $schema: z.url().optional(),
  manifestVersion: z.literal('1.17', { message: 'this package is built for manifest schema 1.17' }),
  version: z.string().max(256).regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/, 'must be a semantic version such as 1.0.0'),
  id: guid,
  developer: z.looseObject({
    name: z.string().min(1).max(32),
    websiteUrl: httpsUrl,
    privacyUrl: httpsUrl,
    termsOfUseUrl: httpsUrl,
    mpnId: z.string().max(10).optional(),
  }),
  name: z.looseObject({ short: z.string().min(1).max(30), full: z.string().max(100).optional() }),
  description: z.looseObject({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  icons: z.looseObject({ outline: file, color: file }),
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #0B5563'),
  bots: z
    .array(
      z.looseObject({
        botId: guid,
        scopes: z.array(z.enum(['team', 'personal', 'groupChat', 'copilot'])).min(1).max(4),
        supportsFiles: z.boolean().optional(),
        isNotificationOnly: z.boolean().optional(),
      }),
    )
    .max(1)
    .optional(),
  permissions: z.array(z.enum(['identity', 'messageTeamMembers'])).optional(),
  validDomains: z.array(z.string().max(2048)).max(16).optional(),
});
export type TeamsManifest = z.infer<typeof manifestSchema>;

/** Replaces every `{{NAME}}` with the variable's value; names the ones that are missing. */
export function fillPlaceholders(template: string, values: Record<string, string | undefined>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = template.replace(/\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') {
      missing.add(name);
      return '';
    }
    // Values go inside JSON strings.
    return JSON.stringify(value).slice(1, -1);
  });
  return { text, missing: [...missing] };
}

/** Problems with a filled manifest, one line each, naming the field. */
export function manifestProblems(manifest: unknown): string[] {
  const parsed = manifestSchema.safeParse(manifest);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `manifest.json: ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  if (parsed.success) {
    const personal = parsed.data.bots?.some((bot) => bot.scopes.includes('personal'));
    if (!personal) problems.push('manifest.json: bots: needs a bot with the personal scope');
  }
  return problems;
}

/** Width, height and colour type of a PNG, read from its header. */
export function pngInfo(bytes: Uint8Array): { width: number; height: number; colourType: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 33 || signature.some((byte, i) => bytes[i] !== byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.slice(12, 16)) !== 'IHDR') return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20), colourType: bytes[25]! };
}

/** Teams wants a 192×192 colour icon and a 32×32 outline icon with a transparent background. */
export function iconProblems(color: Uint8Array | undefined, outline: Uint8Array | undefined): string[] {
  const problems: string[] = [];
  const c = color && pngInfo(color);
  const o = outline && pngInfo(outline);
  if (!c) problems.push('color icon: missing or not a PNG');
  else if (c.width !== 192 || c.height !== 192) problems.push(`color icon: must be 192×192 (is ${c.width}×${c.height})`);
  if (!o) problems.push('outline icon: missing or not a PNG');
  else {
    if (o.width !== 32 || o.height !== 32) problems.push(`outline icon: must be 32×32 (is ${o.width}×${o.height})`);
    if (o.colourType !== 6 && o.colourType !== 4) problems.push('outline icon: needs a transparent background (a PNG with alpha)');
  }
  return problems;
}
