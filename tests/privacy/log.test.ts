import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';

function capture() {
  const lines: string[] = [];
  const log = createLogger('info', new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } }));
  return { log, output: () => lines.join('') };
}

const SECRET = 'SADDLE-NUMB-SECRET';

describe('structured logs', () => {
  it('redact what people write, their names and answers, wherever the shell puts them', () => {
    const { log, output } = capture();
    log.info({ text: SECRET, conversationId: 'c1' }, 'message');
    log.info({ activity: { text: SECRET, value: { choice: SECRET }, from: { id: 'u1', name: SECRET } } }, 'activity');
    log.info({ from: { name: SECRET }, recipient: { name: SECRET } }, 'names');
    log.warn({ hit: { matched: SECRET, words: SECRET }, summary: SECRET, handoff: { summary: SECRET, payload: { x: SECRET } } }, 'handoff');
    log.info({ answer: SECRET, event: { answer: SECRET, data: { score: 7 } }, profile: { region: SECRET } }, 'answers');
    log.error({ err: Object.assign(new Error('insert failed'), { detail: `Failing row contains (${SECRET})`, where: SECRET }) }, 'db');
    log.info({ req: { headers: { authorization: `Bearer ${SECRET}`, cookie: SECRET } } }, 'request');
    log.info({ transcript: [{ text: SECRET }] }, 'transcript');
    expect(output()).not.toContain(SECRET);
    expect(output()).toContain('[redacted]');
    // What an operator needs stays readable.
    expect(output()).toContain('"conversationId":"c1"');
    expect(output()).toContain('insert failed');
  });
});
