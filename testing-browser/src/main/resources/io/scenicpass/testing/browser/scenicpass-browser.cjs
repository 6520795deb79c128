// Runs one browser script in the machine's headless Chromium through playwright-core (BrowserHarness starts it).
// A script is a CommonJS module: module.exports = async ({ page, url, params, shot, context }) => result;
// (page.request reaches other local endpoints, e.g. a test's stand-in for the visitor's phone)
// the result (JSON) and the screenshots taken with shot(name) come back on one marked stdout line.
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync'];
const MARK = 'SCENICPASS-BROWSER-RESULT ';

async function main() {
  const env = process.env;
  const params = JSON.parse(env.SCENICPASS_PARAMS || '{}');
  const out = env.SCENICPASS_OUT;
  const shots = [];
  const pageErrors = [];
  let result = null;
  let error = null;
  const browser = await chromium.launch({ executablePath: env.SCENICPASS_CHROMIUM, args: FLAGS, headless: true });
  try {
    const context = await browser.newContext({
      viewport: params.viewport || { width: 1080, height: 1920 },
      locale: params.locale || 'zh-CN',
      hasTouch: true,
    });
    // Playwright's auto-waiting bounds each step (no sleeps anywhere): a step that never happens fails the run.
    context.setDefaultTimeout(Number(env.SCENICPASS_STEP_TIMEOUT_MS || 30000));
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e.message)));
    // shot('home') saves the whole page, shot('qr', '#payment-qr') one element
    const shot = async (name, selector) => {
      const file = path.join(out, name + '.png');
      if (selector) {
        await page.locator(selector).screenshot({ path: file });
      } else {
        await page.screenshot({ path: file, fullPage: true });
      }
      shots.push(file);
      return file;
    };
    try {
      const script = require(path.resolve(env.SCENICPASS_SCRIPT));
      const r = await script({ page, url: env.SCENICPASS_URL, params, shot, context });
      result = r === undefined ? null : r;
    } catch (e) {
      error = String((e && e.stack) || e);
      await shot('failure').catch(() => {});
    }
  } finally {
    await browser.close();
  }
  process.stdout.write('\n' + MARK + JSON.stringify({ ok: error === null, result, error, screenshots: shots, pageErrors })
    + '\n');
}

main().catch((e) => {
  process.stdout.write('\n' + MARK + JSON.stringify({ ok: false, result: null, error: String((e && e.stack) || e),
    screenshots: [], pageErrors: [] }) + '\n');
  process.exitCode = 1;
});
