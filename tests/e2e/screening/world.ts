import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startConnectedBot, type ConnectedBot } from '../../helpers/connectedBot.ts';

export const TOKEN = 'test-clinician-token-screening-0123';
export const bearer = { authorization: `Bearer ${TOKEN}`, 'x-clinician-name': 'Dr Sam Lee' };

/** A form post to the care-team console with the shared key, as a script would. */
export const consolePost = (url: string, fields: Record<string, string>) =>
  fetch(url, { method: 'POST', redirect: 'manual', headers: { ...bearer, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf: 'bearer', ...fields }).toString() });

export type World = ConnectedBot;

/** The bot on the given engine with the console (shared key), its proactive messages going to a fake connector. */
export function startWorld(engine: 'pglite' | 'postgres', env: Record<string, string> = {}, now?: () => Date): Promise<World> {
  return startConnectedBot(engine, { CLINICIAN_TOKEN: TOKEN, ...env }, now);
}

const CONTENT = resolve(import.meta.dirname, '../../../content');

/**
 * The real content, plus a stand-in `crisis.self-harm` warning sign while the detector's own flag
 * has not landed (issue 16 item 2 is built in two parts). Once content/red-flags defines it, the
 * real flag is used and nothing is added.
 */
export function contentWithCrisisFlag(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'disc-coach-content-'));
  cpSync(CONTENT, dir, { recursive: true });
  const flagsDir = join(dir, 'red-flags');
  const defined = readdirSync(flagsDir).some((file) => /crisis\.self-harm/.test(readFileSync(join(flagsDir, file), 'utf8')));
  if (!defined && !existsSync(join(flagsDir, 'crisis.yaml'))) {
    writeFileSync(
      join(flagsDir, 'crisis.yaml'),
      [
        'group: crisis',
        'sources: ["test stand-in for the detector helper\'s flag"]',
        'flags:',
        '  - id: crisis.self-harm',
        '    regions: [lumbar, thoracic, cervical]',
        '    urgency: emergency',
        '    screen: false',
        '    label: Thoughts of suicide or self-harm',
        '    tell: You told me you have had thoughts of ending your life or harming yourself.',
        '    phrases:',
        '      - "ending my life"',
        '      - "kill myself"',
        '    source: test',
        '',
      ].join('\n'),
    );
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
