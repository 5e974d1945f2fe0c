import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../helpers/botClient.ts';
import { onboardingAnswer } from '../channels/teamsReplay.ts';

/** Debian's Chromium (CI installs it with apt-get); never a downloaded browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = join(import.meta.dirname, 'output');

const ACTIVITY = '.webchat__basic-transcript__activity';
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

const buttonsShown = (page: Page) => page.locator(BUTTONS).allInnerTexts().then((labels) => labels.map((label) => label.trim()));
const lastBotText = (page: Page) => page.locator(ACTIVITY).last().innerText();

describe('web chat in a browser', () => {
  let bot: RunningBot;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is not installed at ${CHROMIUM}. Install Debian's package: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`);
    }
    bot = await startBot('pglite');
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
    const page = await browser.newPage({ viewport: { width: 900, height: 1100 } });
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
      } else {
        await click(page, answer);
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
});
