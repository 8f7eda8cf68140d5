import { chromium, type Browser } from 'playwright-core';
import { ensureChromium } from './chromium';
import { DEV_PORTS } from './local-infra';
import { startMailDev, type MailDevHandle } from './mail';

/** The Fetch standard's bad ports as Node's fetch (undici) applies them; undici ships no types for this module. */
const { badPorts } = require('undici/lib/web/fetch/constants.js') as { badPorts: readonly string[] };

describe('the local dev ports', () => {
  it('are none of the ports browsers and fetch refuse (read from undici)', () => {
    expect(badPorts).toContain('10080');
    expect(Object.entries(DEV_PORTS).filter(([, port]) => badPorts.includes(String(port)))).toEqual([]);
  });

  describe('the mail inbox address `npm start` prints', () => {
    let mail: MailDevHandle;
    let browser: Browser;

    beforeAll(async () => {
      // As startLocalInfra starts it for `npm start` (a busy port falls back to a free one, chosen the same way).
      [mail, browser] = await Promise.all([
        startMailDev({ preferredSmtpPort: DEV_PORTS.smtp, preferredWebPort: DEV_PORTS.web }),
        ensureChromium().then((executablePath) =>
          chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] }),
        ),
      ]);
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await mail?.stop();
    });

    it('opens in Chromium, which refuses the blocked port the inbox had before', async () => {
      const page = await browser.newPage();
      await page.goto(mail.webUrl);
      await expect(page.title()).resolves.toMatch(/^MailDev/);
      await expect(page.goto('http://127.0.0.1:10080/')).rejects.toThrow(/ERR_UNSAFE_PORT/);
    });

    it("opens with Node's fetch, which refuses the blocked port", async () => {
      const response = await fetch(mail.webUrl);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>MailDev');
      const refused = (await fetch('http://127.0.0.1:10080/').catch((error: unknown) => error)) as Error;
      expect(refused.cause).toEqual(new Error('bad port'));
    });
  });
});
