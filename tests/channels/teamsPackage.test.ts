import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { fillPlaceholders, manifestProblems, pngInfo } from '../../src/channels/teams/manifest.ts';
import { buildTeamsPackage } from '../../src/channels/teams/package.ts';

const env = {
  MicrosoftAppId: '5a0c8d2e-1b3f-4c5d-9e7f-0a1b2c3d4e5f',
  TEAMS_WEBSITE_URL: 'https://clinic.example/coach',
  TEAMS_PRIVACY_URL: 'https://clinic.example/privacy',
  TEAMS_TERMS_URL: 'https://clinic.example/terms',
  BOT_DOMAIN: 'coach.clinic.example',
  TEAMS_DEVELOPER_NAME: 'Riverside Spine Clinic',
};

/** The official Teams manifest schema of a version, as shipped in @microsoft/app-manifest (nothing is downloaded). */
function shippedSchema(version: string): object {
  const path = createRequire(import.meta.url).resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
  return JSON.parse(readFileSync(path, 'utf8'));
}
const temp = mkdtempSync(join(tmpdir(), 'teams-package-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('Teams app package', () => {
  it('npm run teams:package writes a zip with a manifest that has every required field of its schema version, and both icons', () => {
    const out = join(temp, 'app.zip');
    const log = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/teams-package.ts', '--out', out], { env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(log).toContain('Teams app package written');
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifestProblems(manifest)).toEqual([]);
    expect(manifest.manifestVersion).toBe('1.17');
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
    for (const field of ['manifestVersion', 'version', 'id', 'developer', 'name', 'description', 'icons', 'accentColor']) expect(manifest).toHaveProperty(field);
    expect(manifest.id).toBe(env.MicrosoftAppId);
    expect(manifest.bots[0]).toMatchObject({ botId: env.MicrosoftAppId, scopes: ['personal', 'team', 'groupChat'] });
    expect(manifest.developer.name).toBe('Riverside Spine Clinic');
    expect(manifest.validDomains).toContain('coach.clinic.example');
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
    expect(pngInfo(files['color.png']!)).toMatchObject({ width: 192, height: 192 });
    expect(pngInfo(files['outline.png']!)).toMatchObject({ width: 32, height: 32, colourType: 6 });
  });

  it('the built manifest validates against the Teams manifest JSON schema of its version, with the care team\'s scopes and commands', async () => {
    const result = buildTeamsPackage({ dir: 'appPackage', env });
    expect(result.problems).toEqual([]);
    const manifest = result.manifest!;
    expect(await AppManifestUtils.validateAgainstSchema(manifest as never, shippedSchema(manifest.manifestVersion) as never)).toEqual([]);
    const lists = (manifest.bots![0] as any).commandLists as { scopes: string[]; commands: { title: string }[] }[];
    expect(lists.find((list) => list.scopes.includes('team'))?.commands.map((c) => c.title)).toContain('use this channel for handoffs');
    expect(lists.find((list) => list.scopes.includes('groupChat'))?.commands.map((c) => c.title)).toContain('use this chat for handoffs');
    expect(lists.find((list) => list.scopes.includes('personal'))?.commands.map((c) => c.title)).toEqual(expect.arrayContaining(['start', 'talk to a clinician']));
    // The schema is strict enough to catch what Teams would refuse: the check is not a formality.
    const broken = { ...manifest, bots: [{ ...manifest.bots![0], scopes: ['personal', 'channel'] }] };
    expect((await AppManifestUtils.validateAgainstSchema(broken as never, shippedSchema(manifest.manifestVersion) as never)).length).toBeGreaterThan(0);
  });

  it('BOT_DOMAIN must be a host name (no scheme, no path), and the developer name comes from configuration', () => {
    for (const bad of ['https://coach.clinic.example', 'coach.clinic.example/api', 'coach.clinic.example:443', 'not a host']) {
      expect(buildTeamsPackage({ dir: 'appPackage', env: { ...env, BOT_DOMAIN: bad } }).problems).toEqual([expect.stringMatching(/^BOT_DOMAIN: must be a host name/)]);
    }
    const { TEAMS_DEVELOPER_NAME: _name, ...withoutName } = env;
    expect(buildTeamsPackage({ dir: 'appPackage', env: withoutName }).problems).toEqual([expect.stringMatching(/^TEAMS_DEVELOPER_NAME: is required/)]);
    expect(buildTeamsPackage({ dir: 'appPackage', env: { ...env, TEAMS_DEVELOPER_NAME: 'A developer name that is much too long for Teams' } }).problems).toEqual([expect.stringMatching(/^TEAMS_DEVELOPER_NAME: must be at most 32/)]);
  });

  it('names each missing variable and writes nothing', () => {
    const result = buildTeamsPackage({ dir: 'appPackage', env: {} });
    expect(result.zip).toBeUndefined();
    expect(result.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^MicrosoftAppId: /), expect.stringMatching(/^TEAMS_PRIVACY_URL: /)]));
    let failed = false;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/teams-package.ts', '--out', join(temp, 'none.zip')], { env: { PATH: process.env.PATH }, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failed = true;
      expect(String((error as { stderr: string }).stderr)).toMatch(/MicrosoftAppId: is required/);
    }
    expect(failed).toBe(true);
  });

  it('refuses a manifest that breaks its schema: bad GUID, http URL, long short name, no personal bot, wrong icon size', () => {
    expect(buildTeamsPackage({ dir: 'appPackage', env: { ...env, MicrosoftAppId: 'not-a-guid' } }).problems).toEqual(expect.arrayContaining([expect.stringMatching(/^manifest.json: id: must be a GUID/), expect.stringMatching(/bots\.0\.botId/)]));
    expect(buildTeamsPackage({ dir: 'appPackage', env: { ...env, TEAMS_PRIVACY_URL: 'http://clinic.example/privacy' } }).problems).toEqual([expect.stringMatching(/^TEAMS_PRIVACY_URL: must be an https/)]);
    const dir = join(temp, 'broken');
    cpSync('appPackage', dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    manifest.name.short = 'A name that is far too long for Teams to show';
    manifest.bots[0].scopes = ['team'];
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(dir, 'color.png'), readFileSync(join(dir, 'outline.png')));
    const problems = buildTeamsPackage({ dir, env }).problems;
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/name\.short/), expect.stringMatching(/color icon: must be 192×192/)]));
    manifest.name.short = 'Coach';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    cpSync('appPackage/color.png', join(dir, 'color.png'));
    expect(buildTeamsPackage({ dir, env }).problems).toEqual(['manifest.json: bots: needs a bot with the personal scope']);
  });

  it('fills placeholders as JSON string content', () => {
    expect(fillPlaceholders('{"a":"{{X}}","b":"{{Y}}"}', { X: 'say "hi"' })).toEqual({ text: '{"a":"say \\"hi\\"","b":""}', missing: ['Y'] });
  });
});
