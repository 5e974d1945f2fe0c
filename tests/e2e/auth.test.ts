import { describe, expect, it } from 'vitest';
import { Person } from '../helpers/botClient.ts';
import { botForSuite } from '../helpers/suiteBot.ts';

describe('with Bot Framework credentials set', () => {
  const bot = botForSuite('pglite', { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });

  it('answers 401 to an unsigned request', async () => {
    const person = new Person(bot.url);
    const result = await person.post(person.activity({ type: 'message', text: 'hi' }));
    expect(result.status).toBe(401);
  });

  it('answers 401 to a request with a forged token', async () => {
    const person = new Person(bot.url);
    const forged = `${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"iss":"https://api.botframework.com","aud":"00000000-0000-0000-0000-000000000001"}').toString('base64url')}.c2ln`;
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: JSON.stringify(person.activity({ type: 'message', text: 'hi' })),
    });
    expect(response.status).toBe(401);
  });
});
