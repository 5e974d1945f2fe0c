/**
 * The operator scripts open the store the way the bot does (src/store/configured.ts): with
 * DATA_ENCRYPTION_KEY set, what `npm run fhir:export` prints from an encrypted embedded store is the
 * person's own words, not the ciphertext the store holds.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Bundle, Flag } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { handoffs, Person, startBot } from '../helpers/botClient.ts';
import { freshDataDir } from '../helpers/databases.ts';
import { onboard } from '../helpers/onboarding.ts';
import { projectRoot } from '../helpers/process.ts';

const run = promisify(execFile);
const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const WORDS = "since yesterday I can't feel anything when I wipe after the toilet";

describe('scripts on an encrypted store', () => {
  it('fhir:export reads the sealed words of a warning sign with DATA_ENCRYPTION_KEY', async () => {
    const dataKey = key('k1');
    const data = freshDataDir();
    try {
      const bot = await startBot('pglite', { DATA_ENCRYPTION_KEY: dataKey }, undefined, data.dir);
      const person = new Person(bot.url);
      try {
        await onboard(person);
        expect(handoffs(await person.say(WORDS))[0]?.value.urgency).toBe('emergency');
        const raw = await bot.app.db.query<{ t: string }>("select data::text as t from clinical_events where conversation_id = $1 and type = 'redFlag.raised'", [person.conversationId]);
        expect(raw.length).toBeGreaterThan(0);
        expect(raw.map((row) => row.t).join('\n')).not.toMatch(/wipe/);
        expect(raw.map((row) => row.t).join('\n')).toMatch(/enc:v1:k1:/);
      } finally {
        // The embedded store has one owner: the script opens it once the bot has let go.
        await bot.app.close();
      }

      const tsx = join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
      const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: data.dir, DATA_ENCRYPTION_KEY: dataKey, LOG_LEVEL: 'silent' };
      const { stdout } = await run(process.execPath, [tsx, 'scripts/fhir-export.ts', person.conversationId], { cwd: projectRoot, env });
      expect(stdout).not.toContain('enc:v1:');
      const flags = ((JSON.parse(stdout) as Bundle).entry ?? []).map((entry) => entry.resource).filter((resource): resource is Flag => resource?.resourceType === 'Flag');
      expect(flags.map((flag) => flag.code.text)).toContainEqual(expect.stringMatching(/In their words: "[^"]*wipe/));
    } finally {
      data.remove();
    }
  }, 180_000);
});
