import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Person, startBot } from '../helpers/botClient.ts';
import { createCipher, parseKey, UnknownKeyError } from '../../src/privacy/crypto.ts';
import { listEvents } from '../../src/store/events.ts';
import { loadConfig, ConfigError } from '../../src/config.ts';

const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

describe('free-text cipher', () => {
  it('round-trips any text and never stores it in the clear', () => {
    const cipher = createCipher(parseKey(key('k1')));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const sealed = cipher.encrypt(text);
        expect(sealed.startsWith('enc:v1:k1:')).toBe(true);
        if (text.length > 3) expect(sealed).not.toContain(text);
        expect(cipher.decrypt(sealed)).toBe(text);
      }),
    );
  });

  it('rotates: the new key writes, the previous key still reads, a missing key fails loudly, tampering is caught', () => {
    const old = parseKey(key('k1'))!;
    const next = parseKey(key('k2'))!;
    const before = createCipher(old).encrypt('numb when I wipe');
    const rotated = createCipher(next, [old]);
    expect(rotated.decrypt(before)).toBe('numb when I wipe');
    expect(rotated.encrypt('x').startsWith('enc:v1:k2:')).toBe(true);
    expect(rotated.decrypt('written before encryption')).toBe('written before encryption');
    expect(() => createCipher(next).decrypt(before)).toThrow(UnknownKeyError);
    const parts = before.split(':');
    parts[5] = Buffer.from('tampered').toString('base64url');
    expect(() => rotated.decrypt(parts.join(':'))).toThrow();
  });

  it('config refuses a short key and never echoes it', () => {
    try {
      loadConfig({ DATA_ENCRYPTION_KEY: 'k1:c2hvcnQ=' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect(String((error as ConfigError).problems)).toMatch(/DATA_ENCRYPTION_KEY/);
      expect(String((error as ConfigError).problems)).not.toContain('c2hvcnQ');
    }
  });
});

describe('with DATA_ENCRYPTION_KEY set', () => {
  it('stores what the person writes encrypted, reads it back, and still reads it after a key rotation', async () => {
    const first = key('k1');
    const bot = await startBot('pglite', { DATA_ENCRYPTION_KEY: first });
    const dataDir = bot.dataDir!;
    const person = new Person(bot.url);
    try {
      await person.say('hi');
      await person.say('yes');
      await person.say('my lower back, the quokka pain');
      const raw = await bot.app.db.query<{ t: string }>('select data::text as t from clinical_events where conversation_id = $1 union all select state::text from conversations where id = $1', [person.conversationId]);
      expect(raw.map((row) => row.t).join('\n')).not.toMatch(/quokka/);
      expect(raw.map((row) => row.t).join('\n')).toMatch(/enc:v1:k1:/);
      const events = await listEvents(bot.app.db, person.conversationId, { types: ['message.received'] });
      expect(events.map((event) => event.data.text)).toContain('my lower back, the quokka pain');
    } finally {
      await bot.app.close();
    }
    // Restart on the same data with a new key, the old one as previous.
    const again = await startBot('pglite', { DATA_ENCRYPTION_KEY: key('k2'), DATA_ENCRYPTION_KEY_PREVIOUS: first }, undefined, dataDir);
    try {
      const same = new Person(again.url, person.id, person.conversationId);
      await same.say('6');
      const events = await listEvents(again.app.db, person.conversationId, { types: ['message.received'] });
      expect(events.map((event) => event.data.text)).toEqual(['hi', 'yes', 'my lower back, the quokka pain', '6']);
      const raw = await again.app.db.query<{ t: string }>("select data->>'text' as t from clinical_events where conversation_id = $1 and type = 'message.received' order by id", [person.conversationId]);
      expect(raw.map((row) => row.t.split(':')[2])).toEqual(['k1', 'k1', 'k1', 'k2']);
    } finally {
      await again.stop();
    }
  }, 180_000);
});
