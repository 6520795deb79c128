// The park's administrator at the console through one day (real pages, cookies and forms; tablet-sized screen).
// params.step:
//  'morning'   — signs in (password, then the authenticator's code), refuses to take tomorrow's 10:00 slot below what
//                is sold (the reason on the page), then changes its capacity; shows a gate's enrollment QR on screen;
//  'afternoon' — signs in again; points Ctrip's webhook at the OTA's new receiver and rotates its signing secret (shown
//                once); refunds an OTA booking after its cutoff with a reason; downloads the settlement as XLSX; reads
//                the audit log.
// params: password, code (TOTP), slot, date, below, capacity (morning); channel, webhookUrl, reference, reason,
// from, to (afternoon).
const path = require('path');

async function signIn(page, url, p, first) {
  await page.goto(url + first);
  await page.waitForSelector('form#sign-in');
  await page.fill('#login', 'admin');
  await page.fill('#password', p.password);
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  await page.waitForSelector('form#sign-in-code');
  await page.fill('#code', p.code);
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  const landed = new URL(page.url()).pathname;
  if (page.url() !== url + first) {
    await page.goto(url + first);
  }
  return landed;
}

// submits the form holding `button` and waits for the answer's page; the main response (status, headers)
async function submit(page, button) {
  const [res] = await Promise.all([page.waitForNavigation(), page.click(button)]);
  return res;
}

async function morning(page, url, p, shot) {
  const r = {};
  r.landed = await signIn(page, url, p, '/console/catalogue?date=' + p.date);
  const row = `tr[data-slot="${p.slot}"]`;
  r.soldBefore = (await page.textContent(`${row} .sold`)).trim();
  await page.fill(`${row} input[name=capacity]`, String(p.below));
  r.refusedStatus = (await submit(page, `${row} button[type=submit]`)).status();
  r.refusalCode = await page.getAttribute('#error', 'data-code');
  r.refusalSlot = await page.getAttribute('#error', 'data-slot');
  r.refusal = (await page.textContent('#error')).trim();
  await shot('capacity-refused');
  await page.fill(`${row} input[name=capacity]`, String(p.capacity));
  await submit(page, `${row} button[type=submit]`);
  r.changed = await page.getAttribute('#changed', 'data-slot');
  r.capacity = (await page.textContent(`${row} .capacity`)).trim();

  await page.goto(url + '/console/devices');
  await page.selectOption('#gateId', 'gate-north');
  await page.selectOption('#role', 'GATE');
  await page.fill('#label', 'North gate lane 2');
  await submit(page, '#make-qr');
  await page.waitForFunction(() => {
    const img = document.querySelector('#enroll-qr');
    return img !== null && img.complete && img.naturalWidth > 0;
  });
  r.enrollmentGate = await page.getAttribute('#enrollment', 'data-gate');
  await shot('devices');
  await shot('enroll-qr', '#enroll-qr'); // what the gate's camera reads off the screen
  return r;
}

async function afternoon(page, url, p, shot) {
  const r = {};
  r.landed = await signIn(page, url, p, '/console/channels?id=' + p.channel);
  await page.fill('#webhookUrl', p.webhookUrl);
  const set = await submit(page, '#save-webhook');
  r.webhookStatus = set.status();
  r.firstSecret = (await page.textContent('#new-secret')).trim(); // a channel without a secret gets one
  const rotated = await submit(page, '#rotate-secret');
  r.rotatedCacheControl = (await rotated.allHeaders())['cache-control'];
  r.secret = (await page.textContent('#new-secret')).trim();
  r.secretDone = await page.getAttribute('#done', 'data-done');
  await page.goto(url + '/console/channels?id=' + p.channel);
  r.secretShownAgain = (await page.content()).includes(r.secret);
  r.webhookShown = await page.inputValue('#webhookUrl');

  await page.goto(url + '/console/bookings?ref=' + encodeURIComponent(p.reference));
  const booking = 'tr[data-booking]';
  r.found = await page.getAttribute(booking, 'data-booking');
  await page.fill(`${booking} input[name=reason]`, p.reason);
  await submit(page, `${booking} button[type=submit]`);
  r.cancelled = await page.getAttribute(`tr[data-booking="${r.found}"]`, 'data-status');
  r.done = await page.getAttribute('#done', 'data-booking');
  await shot('refunded');

  await page.goto(`${url}/console/reports?report=settlement&from=${p.from}&to=${p.to}`);
  r.settlementShown = await page.getAttribute('#lines', 'data-report');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
  r.xlsx = path.join(process.env.SCENICPASS_OUT, download.suggestedFilename());
  await download.saveAs(r.xlsx);

  await page.goto(url + '/console/audit?actor=operator:admin');
  r.audit = await page.$$eval('#entries tbody tr', (rows) => rows.map((t) => ({
    action: t.getAttribute('data-action'),
    actor: t.children[1].textContent.trim(),
    via: t.children[2].textContent.trim(),
    target: t.children[4].textContent.trim(),
  })));
  await shot('audit');
  return r;
}

module.exports = async ({ page, url, params, shot }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  return params.step === 'morning' ? morning(page, url, params, shot) : afternoon(page, url, params, shot);
};
