/**
 * Intents (issue 17): putting the coaching on hold, asked for, is a pause (a report of someone
 * else doing it is not); stopping the programme with a closing word or two after it ("for good
 * thanks") is a stop, stopping something else is not. Own wording, both ways.
 */
import { describe, expect, it } from 'vitest';
import { detectIntent } from '../../src/nlu/intent.ts';
import { lexicon } from './content.ts';

const intentOf = (text: string) => detectIntent(text, lexicon);

describe('on hold, asked for, is a pause', () => {
  it.each(['please put everything on hold, my mum is in hospital', 'can you pop the reminders on pause for a fortnight', "let's put the exercises on ice until after Christmas"])('"%s"', (text) =>
    expect(intentOf(text)).toBe('pause'),
  );
  it.each(['the surgeon put the op on hold', 'they put me on hold for an hour at the GP surgery'])('not "%s"', (text) => expect(intentOf(text)).not.toBe('pause'));
});

describe('a stop with closing words is a stop', () => {
  it.each(['I would like to end the coaching completely now', 'I need to quit this for good thank you'])('"%s"', (text) => expect(intentOf(text)).toBe('stop_messages'));
  it.each(['I want to stop the tablets altogether please', 'I need to give up smoking for good'])('not "%s"', (text) => expect(intentOf(text)).not.toBe('stop_messages'));
});
