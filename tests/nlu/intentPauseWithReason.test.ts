/**
 * A wait that opens the message with its reason after it ("hang on 5 mins, someone's at the door")
 * is a pause; a wait followed by anything else ("wait a minute, my leg is numb", "hang on a sec, I
 * think it's a 6") is not read as one.
 */
import { describe, expect, it } from 'vitest';
import { createBot } from './corpus/harness.ts';

const bot = createBot();

describe('a wait with its reason', () => {
  it.each(["hold on a sec, the phone's ringing", 'give me ten minutes, the kids are screaming', 'hang on two mins theres someone at the door', 'wait a moment, doorbell'])(
    '"%s" is a pause', (text) => expect(bot.nlu.intent(text)).toBe('pause'));
  it.each(['wait a minute, my leg is numb', "hang on a sec, I think it's a 6", 'hold on a minute, both my legs went numb'])(
    '"%s" is no pause', (text) => expect(bot.nlu.intent(text)).not.toBe('pause'));
});
