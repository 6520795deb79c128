// Operators of lesser roles at the console (real pages, cookies and forms). The administrator creates them on the
// operators page (each password shown once); then, each in a fresh browser:
//  the read-only one (in zh-CN and in en) opens the pages it may read and submits a capacity change, a refund and a
//  gate enrollment: each a 403 page with its typed code; finance downloads the settlement but may not change a
//  capacity; the gate supervisor enrolls a gate but may neither void a pass nor export the settlement.
// params: password (admin's), today, date (of the slot), slot, booking (uuid), reference (the OTA's), pass (id).
const path = require('path');

async function signIn(page, url, login, password) {
  await page.goto(url + '/console/dashboard');
  await page.waitForSelector('form#sign-in');
  await page.fill('#login', login);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
}

// submits the form of `button`: the answer's status and its typed error (code, text, page language)
async function submit(page, button) {
  const [res] = await Promise.all([page.waitForNavigation(), page.click(button)]);
  const error = await page.$('#error');
  return {
    status: res.status(),
    code: error ? await error.getAttribute('data-code') : null,
    text: error ? (await error.textContent()).trim() : null,
    lang: await page.getAttribute('html', 'lang'),
  };
}

async function status(page, url, p) {
  return (await page.goto(url + p)).status();
}

async function fresh(context, locale) {
  const c = await context.browser().newContext({ locale, viewport: { width: 1024, height: 768 } });
  c.setDefaultTimeout(Number(process.env.SCENICPASS_STEP_TIMEOUT_MS || 30000));
  return c.newPage();
}

async function readOnly(context, url, p, login, password, locale) {
  const page = await fresh(context, locale);
  await signIn(page, url, login, password);
  const r = { reads: {} };
  for (const read of ['/console/dashboard', '/console/catalogue?date=' + p.date, '/console/devices',
    '/console/bookings?ref=' + p.booking, '/console/channels', '/console/passes', '/console/reports']) {
    r.reads[read] = await status(page, url, read);
  }
  r.audit = await status(page, url, '/console/audit');
  r.settlement = await status(page, url, '/console/reports?report=settlement');
  await page.goto(url + '/console/catalogue?date=' + p.date);
  await page.fill(`tr[data-slot="${p.slot}"] input[name=capacity]`, '500');
  r.capacity = await submit(page, `tr[data-slot="${p.slot}"] button[type=submit]`);
  await page.screenshot({ path: path.join(process.env.SCENICPASS_OUT, `read-only-${locale}-403.png`) });
  await page.goto(url + '/console/bookings?ref=' + p.booking);
  await page.fill(`tr[data-booking="${p.booking}"] input[name=reason]`, 'not mine to refund');
  r.refund = await submit(page, `tr[data-booking="${p.booking}"] button[type=submit]`);
  await page.goto(url + '/console/devices');
  r.enroll = await submit(page, '#make-qr');
  await page.context().close();
  return r;
}

module.exports = async ({ page, url, params, context }) => {
  await signIn(page, url, 'admin', params.password);
  const made = {};
  for (const [login, role] of [['zhao', 'READ_ONLY'], ['qian', 'FINANCE'], ['sun', 'GATE_SUPERVISOR']]) {
    await page.goto(url + '/console/operators');
    await page.fill('#login', login);
    await page.fill('#name', login);
    await page.selectOption('#role', role);
    await Promise.all([page.waitForNavigation(), page.click('#create-operator')]);
    made[login] = (await page.textContent('#new-password')).trim();
  }
  const r = { roles: await page.$$eval('tr[data-operator]', (rows) => Object.fromEntries(
    rows.map((t) => [t.getAttribute('data-operator'), t.getAttribute('data-role')]))) };
  r.zh = await readOnly(context, url, params, 'zhao', made.zhao, 'zh-CN');
  r.en = await readOnly(context, url, params, 'zhao', made.zhao, 'en');

  const finance = await fresh(context, 'en');
  await signIn(finance, url, 'qian', made.qian);
  await finance.goto(`${url}/console/reports?report=settlement&from=${params.today}&to=${params.today}`);
  const [download] = await Promise.all([finance.waitForEvent('download'), finance.click('#export-xlsx')]);
  r.financeExport = path.join(process.env.SCENICPASS_OUT, 'finance-' + download.suggestedFilename());
  await download.saveAs(r.financeExport);
  await finance.goto(url + '/console/catalogue?date=' + params.date);
  r.financeCapacity = await submit(finance, `tr[data-slot="${params.slot}"] button[type=submit]`);
  await finance.context().close();

  const gate = await fresh(context, 'en');
  await signIn(gate, url, 'sun', made.sun);
  await gate.goto(url + '/console/devices');
  await gate.selectOption('#gateId', 'gate-south');
  r.supervisorEnroll = await submit(gate, '#make-qr');
  r.supervisorQr = await gate.isVisible('#enroll-qr');
  await gate.goto(url + '/console/passes?booking=' + encodeURIComponent(params.reference));
  const voidForm = `tr[data-pass="${params.pass}"] form[action="/console/passes/void"]`;
  await gate.fill(`${voidForm} input[name="reason"]`, 'reported stolen');
  r.supervisorVoid = await submit(gate, `${voidForm} button`);
  // the export link, asked directly (its answer would be a download): the status only
  r.supervisorSettlement = (await gate.request.get(`${url}/console/reports/export?report=settlement`
    + `&from=${params.today}&to=${params.today}&format=xlsx`)).status();
  await gate.context().close();
  return r;
};
