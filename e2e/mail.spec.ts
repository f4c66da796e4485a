import { expect, test } from '@playwright/test';
import { GOOD_BOT_TOKEN, NotifyStandIns } from '@/tools/testing/notify-stand-ins';
import { addAccount, freshHandle, replay, signIn } from './support/live';
import { INBOX, waitForMail } from './support/mail';

// Mail and notifications through the running app: the embedded mail catcher's inbox, and local stand-ins
// that speak Discord's webhook and Telegram's Bot API (and a webhook receiver), as the worker reaches them.

test('forgot password: the message in the inbox, a new password, signed in, and an older session signed out', async ({ page, browser }) => {
  const email = `forgot-${Date.now()}@example.test`;
  expect((await page.request.post('/api/auth/signup', { data: { email, password: 'the password I forgot' } })).status()).toBe(201);
  // Another browser that is signed in with the old password.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, { email, password: 'the password I forgot' });
  expect((await other.request.get('/api/account/sessions')).status()).toBe(200);

  await page.goto('/signin');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  // The sign-in form has an Email field too: wait until the page has moved on before typing.
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByText(`If ${email} has a LiveLens account`)).toBeVisible();

  // The inbox, as a person reads it: the list, the message, its button.
  const message = await waitForMail(page.request, email, (m) => m.subject === 'Reset your LiveLens password');
  const inbox = await browser.newPage();
  await inbox.goto(INBOX);
  await inbox.getByRole('link', { name: 'Reset your LiveLens password' }).click();
  await expect(inbox.getByRole('heading', { name: 'Reset your LiveLens password' })).toBeVisible();
  const link = await inbox.frameLocator('iframe').getByRole('link', { name: 'Choose a new password' }).getAttribute('href');
  expect(link).toBe(/https?:\/\/\S+\/reset-password\/\S+/.exec(message.text)?.[0]);
  await inbox.close();

  await page.goto(new URL(link ?? '').pathname);
  await page.getByLabel(/New password/).fill('a brand new password');
  await page.getByRole('button', { name: 'Save and sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  expect((await page.request.get('/api/account/sessions')).status()).toBe(200);
  // The older session is over; the used link says so.
  expect((await other.request.get('/api/account/sessions')).status()).toBe(401);
  await page.goto(new URL(link ?? '').pathname);
  await expect(page.getByText('This link has already been used.')).toBeVisible();
  await otherContext.close();
});

test('an account going live puts one message in each configured channel', async ({ page }) => {
  const standIns = new NotifyStandIns();
  await standIns.start(Number(process.env.E2E_NOTIFY_PORT ?? 7272));
  try {
    const email = `notify-${Date.now()}@example.test`;
    expect((await page.request.post('/api/auth/signup', { data: { email, password: 'correct horse battery staple' } })).status()).toBe(201);
    await signIn(page, { email, password: 'correct horse battery staple' });
    const handle = freshHandle('notify');
    await addAccount(page, handle);

    // Channels from the settings page, as a streamer adds them.
    await page.goto('/dashboard/notifications');
    await page.getByRole('button', { name: 'Add channel' }).click();
    await expect(page.getByTestId('channels').locator('li')).toHaveCount(1);
    await page.getByLabel('Kind').selectOption('DISCORD');
    await page.getByLabel('Discord webhook URL').fill(standIns.discordUrl());
    await page.getByRole('button', { name: 'Add channel' }).click();
    await expect(page.getByTestId('channels').locator('li')).toHaveCount(2);
    await page.getByLabel('Kind').selectOption('TELEGRAM');
    await page.getByLabel('Bot token').fill(GOOD_BOT_TOKEN);
    await page.getByLabel('Chat id').fill('-1001234567890');
    await page.getByRole('button', { name: 'Add channel' }).click();
    await expect(page.getByTestId('channels').locator('li')).toHaveCount(3);
    await page.getByLabel('Kind').selectOption('WEBHOOK');
    await page.getByLabel('Webhook URL (https)').fill(`${standIns.url}/hooks/e2e`);
    await page.getByRole('button', { name: 'Add channel' }).click();
    await expect(page.getByTestId('channels').locator('li')).toHaveCount(4);
    const secret = await page.getByTestId('channels').locator('code').first().textContent();
    standIns.webhookSecret = secret ?? '';

    // A test message from one channel, with its answer on the page.
    await page.getByTestId('channels').locator('li').filter({ hasText: 'Telegram' }).getByRole('button', { name: 'Send a test' }).click();
    await expect(page.getByText('Test sent.')).toBeVisible();

    // The account goes live (a recorded LIVE replayed through the real pipeline as this handle).
    const run = replay('small-evening.jsonl', handle, 'max');
    await run.done;
    const said = (service: string, words: string) => standIns.received.filter((r) => r.service === service && JSON.stringify(r.body).includes(`@${handle}`) && JSON.stringify(r.body).includes(words));
    const services = ['discord', 'telegram', 'webhook'];
    // The replay ends the live too: wait for the end-of-live summary in every channel, which comes after…
    await expect.poll(() => services.map((s) => said(s, 'ended the LIVE').length), { timeout: 60_000, intervals: [500, 1000] }).toEqual([1, 1, 1]);
    // …"went live", exactly once in each, whatever rounds of the job ran meanwhile.
    expect(services.map((s) => said(s, 'is LIVE').length)).toEqual([1, 1, 1]);
    expect(said('webhook', 'is LIVE')[0]?.signatureValid).toBe(true);
    const mail = await waitForMail(page.request, email, (m) => m.subject.includes(`@${handle}`) && m.subject.includes('is LIVE'), 30_000);
    expect(mail.text).toMatch(/Turn these messages off: http:\/\/\S+\/unsubscribe\//);
  } finally {
    await standIns.stop();
  }
});
