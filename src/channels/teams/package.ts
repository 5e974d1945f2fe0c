import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { z } from 'zod';
import { teamsPackageEnv } from '../../config.ts';
import { fillPlaceholders, iconProblems, manifestProblems, type TeamsManifest } from './manifest.ts';

export interface PackageInput {
  /** Folder with manifest.json (with `{{NAME}}` placeholders) and the two icons. */
  dir: string;
  env: Record<string, string | undefined>;
}

/** Values for the placeholders: the Teams app id defaults to the bot's app id; BOT_DOMAIN fills validDomains. */
export function placeholderValues(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return {
    ...env,
    TEAMS_APP_ID: env.TEAMS_APP_ID || env.MicrosoftAppId,
  };
}

/** The package's variables checked as start-up checks them (src/config.ts): one line per problem. */
export function packageEnvProblems(env: Record<string, string | undefined>): string[] {
  const parsed = z.object(teamsPackageEnv).safeParse(env);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
}

/**
 * Builds the Teams app package (manifest.json + color.png + outline.png at the zip's root) after
 * checking the manifest's required fields and the icons. Returns the zip, or the problems.
 */
export function buildTeamsPackage(input: PackageInput): { zip?: Uint8Array; manifest?: TeamsManifest; problems: string[] } {
  const envProblems = packageEnvProblems(input.env);
  if (envProblems.length) return { problems: envProblems };
  const template = readFileSync(join(input.dir, 'manifest.json'), 'utf8');
  const { text, missing } = fillPlaceholders(template, placeholderValues(input.env));
  if (missing.length) return { problems: missing.filter((name) => !(name === 'TEAMS_APP_ID' && missing.includes('MicrosoftAppId'))).map((name) => `${name}: is required to fill manifest.json (set it in the environment)`) };
  let manifest: any;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    return { problems: [`manifest.json: not valid JSON after filling placeholders (${(error as Error).message})`] };
  }
  if (input.env.BOT_DOMAIN) manifest.validDomains = [...new Set([...(manifest.validDomains ?? []), input.env.BOT_DOMAIN])];
  const read = (name: unknown) => {
    try {
      return typeof name === 'string' ? new Uint8Array(readFileSync(join(input.dir, name))) : undefined;
    } catch {
      return undefined;
    }
  };
  const color = read(manifest?.icons?.color);
  const outline = read(manifest?.icons?.outline);
  const problems = [...manifestProblems(manifest), ...iconProblems(color, outline)];
  if (problems.length) return { problems };
  const zip = zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest, null, 2)), [manifest.icons.color]: color!, [manifest.icons.outline]: outline! }, { level: 9 });
  return { zip, manifest, problems: [] };
}
