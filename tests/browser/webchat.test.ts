import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../helpers/botClient.ts';
import { freshDataDir } from '../helpers/databases.ts';
import { freePort } from '../helpers/process.ts';
import { onboardingAnswer } from '../channels/teamsReplay.ts';
import { DirectLineClient } from '../channels/directLineClient.ts';
import { createAdapter } from '../../src/bot/adapter.ts';
import { loadConfig } from '../../src/config.ts';

/** Debian's Chromium (CI installs it with apt-get); never a downloaded browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = join(import.meta.dirname, 'output');

const ACTIVITY = '.webchat__basic-transcript__activity';
const CLINICIAN_TOKEN = 'browser-test-clinician-token-0123';
const BUTTONS = '.webchat__suggested-actions button';

async function activityCount(page: Page): Promise<number> {
  return page.locator(ACTIVITY).count();
}

/** Waits for the person's message and the bot's answer to it to show, then for the turn to settle. */
async function settle(page: Page, before: number): Promise<void> {
  await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector as string).length >= (n as number) + 2, [ACTIVITY, before] as const, { timeout: 20_000 });
  await page.waitForTimeout(800);
}

async function click(page: Page, label: string): Promise<void> {
  const before = await activityCount(page);
  await page.locator(BUTTONS, { hasText: label }).filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first().click();
  await settle(page, before);
}

async function type(page: Page, text: string): Promise<void> {
  const before = await activityCount(page);
  const box = page.getByRole('textbox', { name: 'Message input box' });
  await box.fill(text);
  await box.press('Enter');
  await settle(page, before);
}

/** axe-core from node_modules, run inside the page (evaluate is not bound by the page's CSP). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The serious and critical WCAG 2.2 AA violations axe finds on the page, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async (tags) => {
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')) }));
  }, WCAG);
  return violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical').map((v: any) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`);
}

const buttonsShown = (page: Page) => page.locator(BUTTONS).allInnerTexts().then((labels) => labels.map((label) => label.trim()));
const lastBotText = (page: Page) => page.locator(ACTIVITY).last().innerText();

describe('web chat in a browser', () => {
  let bot: RunningBot;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is not installed at ${CHROMIUM}. Install Debian's package: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`);
    }
    bot = await startBot('pglite', { CLINICIAN_TOKEN });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('a person completes onboarding by clicking and typing, gets the first exercise and reports how it went', { timeout: 180_000 }, async () => {
    // A phone: the conversation people have most often.
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/.test(message.text())) problems.push(`blocked by the page's CSP: ${message.text().slice(0, 200)}`);
    });
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(bot.url) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) outside.push(request.url());
    });

    const response = await page.goto(bot.url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.locator(BUTTONS).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.getByText('Do you agree').count()).toBeGreaterThan(0);

    // Consent by clicking, the region by typing in lay words.
    await click(page, 'Yes, I agree');
    expect(await lastBotText(page)).toMatch(/spine/i);
    await type(page, 'my lower back');
    expect(await lastBotText(page)).toMatch(/0 \(no pain\)|from 0/i);
    await click(page, '4');
    await click(page, 'Buttock or thigh');
    expect(await lastBotText(page)).toMatch(/one side or both/i);
    await type(page, 'just the left side');

    let typedNo = false;
    for (let step = 0; step < 25; step++) {
      // A card of warning-sign questions (issue 16): "None of these" is one tap on the card.
      // Only on the newest message: the earlier cards stay in the transcript.
      const none = page.locator(ACTIVITY).last().locator('.ac-adaptiveCard').getByRole('button', { name: 'None of these' });
      if ((await none.count()) > 0 && (await none.isVisible())) {
        const before = await activityCount(page);
        await none.click();
        await settle(page, before);
        continue;
      }
      const labels = await buttonsShown(page);
      // After screening the check-in schedule is announced in a message of its own; it comes after
      // the "start today's exercises?" question and so hides that question's buttons (Web Chat shows
      // the last message's buttons only). Then the person types their answer, as they can anywhere.
      if (labels.includes('Start exercises') || labels.length === 0) break;
      const answer = onboardingAnswer(labels);
      if (!answer) throw new Error(`no answer for "${await lastBotText(page)}" with buttons [${labels.join(', ')}]`);
      if (answer === 'No' && !typedNo) {
        typedNo = true;
        await type(page, 'no');
      } else if (labels.includes(answer)) {
        await click(page, answer);
      } else {
        // An answer with no button of its own (the age, issue 16) is typed.
        await type(page, answer);
      }
    }
    expect(typedNo).toBe(true);
    if ((await buttonsShown(page)).includes('Start exercises')) await click(page, 'Start exercises');
    else await type(page, 'start');
    // The care-pathway questions when coaching starts (if the schedule note hid them above), then
    // where the leg symptoms are right now, asked before each exercise's card (issue 16).
    for (let step = 0; step < 8; step++) {
      await expect.poll(() => buttonsShown(page).then((labels) => labels.length), { timeout: 20_000 }).toBeGreaterThan(0);
      const labels = await buttonsShown(page);
      if (labels.includes('Buttock or thigh')) {
        await click(page, 'Buttock or thigh');
        break;
      }
      const answer = ['My GP or another doctor', 'No', 'Start exercises'].find((label) => labels.includes(label));
      if (!answer) throw new Error(`no answer for "${await lastBotText(page)}" with buttons [${labels.join(', ')}]`);
      await click(page, answer);
    }

    // The first exercise as an Adaptive Card: heading, numbered steps, and the movement answers as buttons.
    const card = page.locator('.ac-adaptiveCard').last();
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(1);
    const cardText = await card.innerText();
    expect(cardText).toMatch(/Exercise 1 of \d/);
    // The steps are one numbered list (Markdown in the card, an <ol> in the page).
    expect(await card.locator('ol > li').count()).toBeGreaterThan(1);
    const images = await card.locator('img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('alt') ?? ''));
    expect(images.every((alt) => alt.trim().length > 0)).toBe(true);
    const cardButtons = (await card.locator('button').allInnerTexts()).map((label) => label.trim());
    expect(cardButtons).toContain('No change');
    // The steps can be seen whole: brought into view, the list sits between the header and the
    // send box, none of it behind either.
    const header = (await page.locator('header.bar').boundingBox())!;
    const sendBox = (await page.locator('.webchat__send-box').boundingBox())!;
    await card.locator('ol').evaluate((list) => list.scrollIntoView({ block: 'center' }));
    await expect.poll(async () => (await card.locator('ol').boundingBox())!.y, { timeout: 5000 }).toBeGreaterThanOrEqual(header.y + header.height - 1);
    const steps = (await card.locator('ol').boundingBox())!;
    expect(steps.y + steps.height).toBeLessThanOrEqual(sendBox.y + 1);
    expect(steps.x + steps.width).toBeLessThanOrEqual(390);
    // Readable at 360 px: nothing wider than the screen, and the card's text no smaller than 14 px.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect((await card.boundingBox())!.width).toBeLessThanOrEqual(360);
    const smallest = await card.locator('.ac-textBlock').evaluateAll((blocks) => Math.min(...blocks.map((b) => parseFloat(getComputedStyle(b).fontSize))));
    expect(smallest).toBeGreaterThanOrEqual(14);
    await page.screenshot({ path: join(OUTPUT, 'webchat-exercise-360.png') });
    await page.setViewportSize({ width: 390, height: 844 });

    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'webchat-exercise.png'), fullPage: true });

    // Report the movement response with the card's button: the chosen words show as the person's message.
    const before = await activityCount(page);
    await card.locator('button', { hasText: 'No change' }).click();
    await settle(page, before);
    const fresh = (await page.locator(ACTIVITY).allInnerTexts()).slice(before);
    // The person's answer first (the label they chose), then the coach's reply to it: the next
    // exercise or the end of the session.
    expect(fresh[0]).toContain('No change');
    expect(fresh.length).toBeGreaterThanOrEqual(2);
    expect(fresh.slice(1).join('\n')).toMatch(/Exercise 2 of|session|Good/i);
    await page.screenshot({ path: join(OUTPUT, 'webchat-after-response.png'), fullPage: true });

    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('day 1: three answers, the tab closed, the service restarted on the same data; a new tab shows the earlier messages and the next answer continues at the same question', { timeout: 180_000 }, async () => {
    const data = freshDataDir();
    const port = await freePort();
    let service = await startBot('pglite', { PORT: String(port) }, undefined, data.dir);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, hasTouch: true, isMobile: true });
    try {
      const page = await context.newPage();
      await page.goto(service.url);
      await expect.poll(() => page.locator(BUTTONS).count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await click(page, 'Yes, I agree');
      await type(page, 'my lower back');
      await click(page, '4');
      const question = await lastBotText(page);
      expect(question).toMatch(/leg|buttock|thigh|how far/i);
      const before = await page.locator(ACTIVITY).allInnerTexts();

      // Phone: the header is one line and the conversation starts in the top fifth of the screen.
      const header = await page.locator('header.bar').boundingBox();
      const title = await page.locator('header.bar h1').boundingBox();
      expect(header!.height).toBeLessThan(64);
      expect(title!.height).toBeLessThan(32);
      // The whole title fits on that one line, next to the emergency notice and the options.
      expect(await page.locator('header.bar h1').evaluate((h1) => h1.scrollWidth <= h1.clientWidth)).toBe(true);
      // The emergency notice is one tap away, in full.
      await page.locator('#notice > summary').click();
      expect(await page.locator('#notice .panel').innerText()).toMatch(/call your emergency number now/);
      await page.locator('#notice > summary').click();
      const transcript = await page.locator('.webchat__basic-transcript').boundingBox();
      expect(transcript!.y).toBeLessThan(844 / 5);
      const firstActivity = await page.locator(ACTIVITY).first().boundingBox();
      expect(firstActivity!.y).toBeLessThan(844 / 5);
      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: join(OUTPUT, 'webchat-390x844.png') });
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();

      await service.app.close();
      service = await startBot('pglite', { PORT: String(port) }, undefined, data.dir);

      const again = await context.newPage();
      await again.goto(service.url);
      await expect.poll(() => again.locator(ACTIVITY).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(before.length);
      const shown = await again.locator(ACTIVITY).allInnerTexts();
      expect(shown.join('\n')).toContain('my lower back');
      expect(shown.at(-1)).toBe(before.at(-1));
      // No second greeting: the conversation goes on where it was.
      expect(shown.filter((text) => /Do you agree/.test(text))).toHaveLength(before.filter((text) => /Do you agree/.test(text)).length);
      await click(again, 'Buttock or thigh');
      expect(await lastBotText(again)).toMatch(/one side or both/i);
      await again.close();
    } finally {
      await context.close();
      await service.app.close();
      data.remove();
    }
  });

  it('on a phone the emergency message is in view from its first line; on return a waiting check-in is shown first', { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(bot.url);
    await expect.poll(() => page.locator(BUTTONS).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await click(page, 'Yes, I agree');
    await type(page, "since yesterday I can't feel anything when I wipe after the toilet");
    const emergency = page.locator(ACTIVITY, { hasText: /emergency department/ }).last();
    await expect.poll(() => emergency.count(), { timeout: 20_000 }).toBe(1);
    const header = (await page.locator('header.bar').boundingBox())!;
    // Its first line comes to rest below the header and on the screen: nothing of it hidden above.
    await expect.poll(async () => (await emergency.boundingBox())!.y, { timeout: 8000 }).toBeLessThan(844 / 2);
    const box = (await emergency.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
    await page.screenshot({ path: join(OUTPUT, 'webchat-emergency-390x844.png') });
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('discCoach.webchat') ?? 'null'));
    expect(saved).toMatchObject({ conversationId: expect.any(String), token: expect.any(String), device: expect.any(String) });
    // The page closes once it has everything the bot wrote in that turn; what comes after is what waits.
    const unread = async () => (await bot.app.db.query<{ unread: string }>('select seq - read_seq as unread from directline_conversations where conversation_id = $1', [saved.conversationId]))[0]!.unread;
    await expect.poll(async () => Number(await unread()), { timeout: 20_000 }).toBe(0);
    await page.close();

    // While the page is closed, the coach writes (a check-in through the stored conversation reference).
    const row = await bot.app.db.query<{ reference: any }>('select reference from conversations where id = $1', [saved.conversationId]);
    const adapter = createAdapter(loadConfig({ LOG_LEVEL: 'silent' }), bot.app.log);
    await adapter.continueConversationAsync('', row[0]!.reference, async (context) => {
      // Longer than the screen: the end of the history is not where it starts.
      await context.sendActivity('Hello. Last time I asked you to see a clinician about a warning sign.\n\nI hope you have been seen. If not, please go to an emergency department today.\n\nWhen a clinician has checked you, tell me and we will carry on with your exercises.');
      await context.sendActivity(Array.from({ length: 6 }, (_, i) => `Point ${i + 1}: numbness between the legs, new trouble passing water or controlling the bowels, or legs that get weaker are reasons to go now, not tomorrow.`).join('\n\n'));
      await context.sendActivity('Have you been seen by a clinician?');
    });

    const back = await context.newPage();
    await back.goto(bot.url);
    const waiting = back.locator(ACTIVITY, { hasText: /Last time I asked you to see a clinician/ });
    await expect.poll(() => waiting.count(), { timeout: 20_000 }).toBe(1);
    const backHeader = (await back.locator('header.bar').boundingBox())!;
    // The view comes to rest at the start of what is waiting, not at the end of the history.
    await expect.poll(async () => (await waiting.boundingBox())!.y, { timeout: 8000 }).toBeLessThan(844 / 3);
    const first = (await waiting.boundingBox())!;
    expect(first.y).toBeGreaterThanOrEqual(backHeader.y + backHeader.height - 1);
    expect(await back.locator(ACTIVITY, { hasText: 'Have you been seen by a clinician?' }).count()).toBe(1);
    await back.screenshot({ path: join(OUTPUT, 'webchat-waiting-checkin-390x844.png') });
    await context.close();
  });

  it('on a desktop screen the same page reads well and passes the accessibility check', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['notifications'], { origin: bot.url });
    // Headless Chromium has no push service of its own: the browser's subscribe() hands back a
    // subscription as Chrome's would look, so the page's opt-in can be followed to the server.
    await context.addInitScript(() => {
      let current: any = null;
      const fake = { endpoint: 'https://fcm.googleapis.com/fcm/send/browser-test-1', expirationTime: null, keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) } };
      (PushManager.prototype as any).subscribe = async () => (current = { endpoint: fake.endpoint, toJSON: () => fake, unsubscribe: async () => ((current = null), true) });
      (PushManager.prototype as any).getSubscription = async () => current;
    });
    const page = await context.newPage();
    await page.goto(bot.url);
    await expect.poll(() => page.locator(BUTTONS).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // Keyboard: skip link first, then the header's controls, then the chat.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Skip to the chat/);
    // The emergency notice is in full beside the title on a wide screen.
    expect(await page.locator('.notice-full').isVisible()).toBe(true);
    expect(await page.locator('.notice-full').innerText()).toMatch(/call your emergency number now/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Options');
    await page.keyboard.press('Enter');
    expect(await page.locator('#forget').isVisible()).toBe(true);
    // Opt in to check-in notifications: the service worker is registered and the subscription reaches the server.
    await page.locator('#notify').click();
    await expect.poll(() => page.locator('#status').innerText(), { timeout: 15_000 }).toMatch(/notifications are on/i);
    const conversationId = await page.evaluate(() => JSON.parse(localStorage.getItem('discCoach.webchat') ?? '{}').conversationId);
    const rows = await bot.app.db.query<{ time_zone: string }>('select time_zone from webpush_subscriptions where conversation_id = $1', [conversationId]);
    expect(rows).toHaveLength(1);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration('/').then((r) => Boolean(r?.active || r?.installing || r?.waiting)))).toBe(true);
    expect(await page.locator('#mute').isVisible()).toBe(true);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'webchat-1280x800-options.png') });
    expect(await seriousViolations(page)).toEqual([]);
    // Escape closes the panel and gives the focus back to its button.
    await page.keyboard.press('Escape');
    expect(await page.locator('#menu').getAttribute('open')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Options');
    await page.screenshot({ path: join(OUTPUT, 'webchat-1280x800.png') });

    // Forget this device: after a confirmation, this browser starts afresh and the old key opens nothing.
    const before = await page.evaluate(() => JSON.parse(localStorage.getItem('discCoach.webchat') ?? '{}'));
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('#menu > summary').click();
    await Promise.all([page.waitForEvent('load'), page.locator('#forget').click()]);
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('discCoach.webchat') ?? '{}').conversationId), { timeout: 20_000 }).not.toBe(before.conversationId);
    const reopen = await fetch(`${bot.url}/webchat/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ device: before.device }) });
    expect(reopen.status).toBe(403);
    expect(await bot.app.db.query('select 1 from webpush_subscriptions where conversation_id = $1', [before.conversationId])).toHaveLength(0);
    await context.close();
  });

  it('the clinician console passes the accessibility check: login, the queue and a case', { timeout: 60_000 }, async () => {
    // A web chat person asks for a clinician: a routine case to look at.
    const person = new DirectLineClient(bot.url);
    await person.start();
    await person.poll();
    await person.say('yes');
    await person.say('can I talk to someone please');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${bot.url}/clinician/login`);
    const problems: Record<string, string[]> = { login: await seriousViolations(page) };
    await page.fill('#name', 'Dr Sam Lee');
    await page.fill('#token', CLINICIAN_TOKEN);
    await Promise.all([page.waitForURL(`${bot.url}/clinician`), page.click('button[type=submit]')]);
    expect(await page.locator('#queue tbody tr').count()).toBeGreaterThan(0);
    problems.queue = await seriousViolations(page);
    await page.locator('#queue tbody tr a').first().click();
    await page.waitForSelector('#accept');
    problems.case = await seriousViolations(page);
    await page.screenshot({ path: join(OUTPUT, 'console-case-1280x800.png'), fullPage: true });
    expect(problems).toEqual({ login: [], queue: [], case: [] });
    await context.close();
  });
});
