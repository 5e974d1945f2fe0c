import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { renderIcon, colorIconSvg, outlineIconSvg } from '../src/channels/teams/icons.ts';
import { buildTeamsPackage } from '../src/channels/teams/package.ts';

/**
 * `npm run teams:package [-- --out path.zip]`: fills appPackage/manifest.json from the environment
 * (MicrosoftAppId, TEAMS_DEVELOPER_NAME, TEAMS_WEBSITE_URL, TEAMS_PRIVACY_URL, TEAMS_TERMS_URL; optional TEAMS_APP_ID,
 * BOT_DOMAIN), with TEAMS_DEVELOPER_NAME the publisher Teams shows, checks it and the icons, and writes the zip to sideload.
 * `-- --icons` redraws appPackage/color.png and outline.png first.
 */
const args = process.argv.slice(2);
const dir = resolve('appPackage');
const outIndex = args.indexOf('--out');
const out = resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1]! : 'appPackage/build/disc-coach-teams.zip');

if (args.includes('--icons')) {
  writeFileSync(resolve(dir, 'color.png'), renderIcon(colorIconSvg));
  writeFileSync(resolve(dir, 'outline.png'), renderIcon(outlineIconSvg));
  console.log('icons drawn: appPackage/color.png (192×192), appPackage/outline.png (32×32)');
}

const result = buildTeamsPackage({ dir, env: process.env });
if (!result.zip) {
  for (const problem of result.problems) console.error(problem);
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, result.zip);
console.log(`Teams app package written: ${out} (manifest ${result.manifest!.manifestVersion}, app id ${result.manifest!.id})`);
