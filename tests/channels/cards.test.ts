import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExerciseView, Reply } from '../../src/bot/render.ts';
import { parseCardValue } from '../../src/bot/inbound.ts';
import { capabilitiesOf, channelMessage, exerciseCard, pictureFolder, submitData, textWithChoices } from '../../src/channels/cards/index.ts';

const view: ExerciseView = {
  exerciseId: 'prone-extension',
  title: 'Exercise 1 of 3: Lying face down — Lying face down',
  purpose: 'Bends the low back gently backwards.',
  steps: ['Lie on your front.', 'Breathe slowly.'],
  dose: '5 minutes',
  acceptable: ['Soreness in the low back.'],
  stopIf: ['Tingling reaching your toes.'],
  picture: { file: 'prone-extension.png', alt: 'A person lying face down, then propped on the forearms.' },
};
const text = [view.title, view.purpose, '1. Lie on your front.\n2. Breathe slowly.', 'How much: 5 minutes', 'Fine to feel: Soreness in the low back.', 'Stop if: Tingling reaching your toes.'].join('\n\n');
const question = { text: 'When you have done it: what did your symptoms do?', question: 'movementResponse', choices: [{ label: 'No change', value: 'no_change' }, { label: 'Eased', value: 'centralized' }] };
const replies: Reply[] = [
  { kind: 'message', text, exercise: view },
  { kind: 'message', text: question.text, question: question.question, choices: question.choices },
];

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('exercise cards', () => {
  it('are Adaptive Cards 1.5 with a heading, one numbered list of steps, the dose and safety lines, and Action.Submit answers', () => {
    const card = exerciseCard(view, text, question, { messageBack: false, pictures: true });
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const content = card.content as any;
    expect(content.version).toBe('1.5');
    expect(content.body[0]).toMatchObject({ type: 'TextBlock', text: view.title, style: 'heading', wrap: true });
    const texts = content.body.map((element: any) => element.text);
    expect(texts).toContain('1. Lie on your front.\n2. Breathe slowly.');
    expect(texts).toEqual(expect.arrayContaining(['How much: 5 minutes', 'Fine to feel: Soreness in the low back.', 'Stop if: Tingling reaching your toes.', question.text]));
    // Title, purpose and steps are not repeated from the text version.
    expect(texts.filter((t: string) => t === view.purpose)).toHaveLength(1);
    expect(content.actions.map((a: any) => a.type)).toEqual(['Action.Submit', 'Action.Submit']);
    for (const action of content.actions) expect(parseCardValue(action.data)).toEqual(action.data);
    expect(JSON.stringify(content)).not.toMatch(/Action\.Execute/);
  });

  it('in Web Chat, a button is a messageBack whose value passes the same validation and whose label shows as the answer', () => {
    const data = submitData({ label: 'No change', value: 'no_change' }, 'movementResponse', { messageBack: true }) as any;
    expect(data.__isBotFrameworkCardAction).toBe(true);
    expect(data.cardAction).toMatchObject({ type: 'messageBack', text: 'No change', displayText: 'No change' });
    expect(parseCardValue(data.cardAction.value)).toEqual({ choice: 'no_change', question: 'movementResponse' });
  });

  it('show the picture with its alt text only when the file exists', () => {
    const without = exerciseCard(view, text, undefined, { messageBack: false, pictures: true }).content as any;
    expect(without.body.some((e: any) => e.type === 'Image')).toBe(false);
    dir = mkdtempSync(join(tmpdir(), 'pictures-'));
    writeFileSync(join(dir, 'prone-extension.png'), 'png');
    const withPicture = exerciseCard(view, text, undefined, { messageBack: false, pictures: true, folder: pictureFolder(dir) }).content as any;
    expect(withPicture.body.find((e: any) => e.type === 'Image')).toMatchObject({ url: '/pictures/prone-extension.png', altText: view.picture!.alt });
    expect(withPicture.actions).toBeUndefined();
    // Teams cannot load a picture from a relative URL on this server.
    expect((exerciseCard(view, text, undefined, { messageBack: false, pictures: false, folder: pictureFolder(dir) }).content as any).body.some((e: any) => e.type === 'Image')).toBe(false);
  });
});

describe('channel rendering', () => {
  it('Teams and Web Chat get one card carrying the question; Teams with plain data, Web Chat with messageBack', () => {
    const teams = channelMessage('msteams', replies, 0)!;
    expect(teams.used).toBe(2);
    expect((teams.activity.attachments![0]!.content as any).actions[0].data).toEqual({ choice: 'no_change', question: 'movementResponse' });
    const web = channelMessage('directline', replies, 0)!;
    expect((web.activity.attachments![0]!.content as any).actions[0].data.cardAction.type).toBe('messageBack');
  });

  it('other channels keep the text version with suggested actions; text-only channels get the choices written out', () => {
    expect(channelMessage('test', replies, 0)).toBeUndefined();
    expect(channelMessage('test', replies, 1)).toBeUndefined();
    expect(channelMessage('sms', replies, 0)).toBeUndefined();
    const sms = channelMessage('sms', replies, 1)!;
    expect(sms.activity.text).toBe(`${question.text}\n\n• No change\n• Eased`);
    expect(sms.activity.suggestedActions).toBeUndefined();
    expect(textWithChoices('Hi', undefined)).toBe('Hi');
    expect(capabilitiesOf('msteams')).toMatchObject({ cards: true, buttons: true, messageBack: false });
  });
});
