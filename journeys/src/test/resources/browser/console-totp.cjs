// An operator at the console (real pages, real cookies). params.step:
//  'enrol'   — the administrator signs in with the password, sees the dashboard, enrols an authenticator from the
//              QR on screen (the code computed from the key shown beside it, as the app would) and signs out;
//  'sign-in' — signs in with the password, then the TOTP code on its own page, and sees the live dashboard; then a read-only operator signs in
//              and opens the audit log: 403.
// params: adminPassword, nowMillis (the server's clock), secret (sign-in), viewer {login, password}.
const crypto = require('crypto');

function unbase32(s) {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0, value = 0;
  const out = [];
  for (const ch of s.replace(/=+$/, '')) {
    value = (value << 5) | A.indexOf(ch);
    bits += 5;
    if (bits >= 8) { out.push((value >>> (bits - 8)) & 0xff); bits -= 8; }
  }
  return Buffer.from(out);
}

// RFC 6238: HMAC-SHA1 over the 30-second step, dynamic truncation, 6 digits
function totp(secret, ms) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(Math.floor(ms / 30000)));
  const h = crypto.createHmac('sha1', unbase32(secret)).update(msg).digest();
  const o = h[h.length - 1] & 0xf;
  const bin = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(bin % 1000000).padStart(6, '0');
}

// the two steps: login and password, then (for an enrolled operator) the code on its own page
async function signIn(page, url, login, password, code) {
  await page.goto(url + '/console/dashboard');
  await page.waitForSelector('form#sign-in');
  const askedAt = new URL(page.url()).pathname;
  await page.fill('#login', login);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  if (code) {
    await page.waitForSelector('form#sign-in-code');
    await page.fill('#code', code);
    await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  }
  return askedAt;
}

module.exports = async ({ page, url, params, shot, context }) => {
  const r = {};
  if (params.step === 'enrol') {
    r.askedAt = await signIn(page, url, 'admin', params.adminPassword, null);
    await page.waitForSelector('body[data-loaded="true"]');
    r.afterPassword = new URL(page.url()).pathname;
    await page.goto(url + '/console/account');
    await page.click('#totp-start');
    await page.waitForSelector('#totp-qr');
    r.qrShown = await page.$eval('#totp-qr', (img) => img.complete && img.naturalWidth > 0);
    await shot('enrolment-page');
    await shot('enrolment-qr', '#totp-qr');
    r.secret = (await page.textContent('#totp-secret')).trim();
    await page.fill('#totp-code', totp(r.secret, params.nowMillis));
    await page.click('#totp-confirm');
    await page.waitForSelector('#notice');
    r.enrolled = await page.getAttribute('#totp', 'data-enrolled');
    await page.click('#sign-out');
    await page.waitForSelector('form#sign-in');
    return r;
  }
  // the password alone: the code is asked on a page of its own, and no console page opens yet
  await signIn(page, url, 'admin', params.adminPassword, null);
  r.codeStep = new URL(page.url()).pathname;
  await shot('code-step');
  await page.goto(url + '/console/dashboard');
  r.halfSignedIn = new URL(page.url()).pathname;
  await signIn(page, url, 'admin', params.adminPassword, totp(params.secret, params.nowMillis));
  await page.waitForSelector('body[data-loaded="true"]');
  r.dashboard = new URL(page.url()).pathname;
  r.occupancy = (await page.textContent('#occ-capacity')).trim();
  await shot('dashboard');
  // a read-only operator, in a fresh browser context
  const viewer = await context.newPage();
  await context.clearCookies();
  await signIn(viewer, url, params.viewer.login, params.viewer.password, null);
  await viewer.waitForSelector('body[data-loaded="true"]');
  const res = await viewer.goto(url + '/console/audit');
  r.viewerAuditStatus = res.status();
  r.viewerAuditCode = await viewer.getAttribute('#error', 'data-code');
  await viewer.screenshot({ path: require('path').join(process.env.SCENICPASS_OUT, 'viewer-403.png'), fullPage: true });
  await viewer.goto(url + '/console/account');
  r.viewerNav = await viewer.$$eval('nav a:not(#switch)', (as) => as.map((a) => a.getAttribute('href')));
  return r;
};
