import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { fillPlaceholders, manifestProblems, pngInfo } from '../../src/channels/teams/manifest.ts';
import { buildTeamsPackage } from '../../src/channels/teams/package.ts';

const env = {
  MicrosoftAppId: '5a0c8d2e-1b3f-4c5d-9e7f-0a1b2c3d4e5f',
  TEAMS_WEBSITE_URL: 'https://clinic.example/coach',
  TEAMS_PRIVACY_URL: 'https://clinic.example/privacy',
  TEAMS_TERMS_URL: 'https://clinic.example/terms',
  BOT_DOMAIN: 'coach.clinic.example',
};
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
    expect(manifest.bots[0]).toMatchObject({ botId: env.MicrosoftAppId, scopes: ['personal'] });
    expect(manifest.validDomains).toContain('coach.clinic.example');
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
    expect(pngInfo(files['color.png']!)).toMatchObject({ width: 192, height: 192 });
    expect(pngInfo(files['outline.png']!)).toMatchObject({ width: 32, height: 32, colourType: 6 });
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
    expect(buildTeamsPackage({ dir: 'appPackage', env: { ...env, TEAMS_PRIVACY_URL: 'http://clinic.example/privacy' } }).problems).toEqual([expect.stringMatching(/developer\.privacyUrl: must be an https/)]);
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
