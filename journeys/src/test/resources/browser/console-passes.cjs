// The duty manager at the console's passes page on a tablet (768 × 1024, real pages and cookies): signs in, finds the
// booking by its OTA reference, reissues one pass with a reason.
// params: adminPassword, reference (the OTA's), passId (the pass to reissue), reason.
module.exports = async ({ page, url, params, shot }) => {
  const r = {};
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto(url + '/console/passes');
  await page.waitForSelector('form#sign-in');
  await page.fill('#login', 'admin');
  await page.fill('#password', params.adminPassword);
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  r.afterSignIn = new URL(page.url()).pathname;
  await page.fill('#booking', params.reference);
  await Promise.all([page.waitForNavigation(), page.click('#find-booking')]);
  r.found = await page.$$eval('tr[data-pass]', (rows) => rows.map((t) => t.getAttribute('data-pass')));
  // usable on a tablet: the page itself never scrolls sideways (wide tables scroll inside their box)
  r.noSideways = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  await shot('found');
  const form = `tr[data-pass="${params.passId}"] form[action="/console/passes/reissue"]`;
  await page.fill(`${form} input[name="reason"]`, params.reason);
  await Promise.all([page.waitForNavigation(), page.click(`${form} button`)]);
  r.done = await page.getAttribute('#done', 'data-action');
  r.newPass = await page.getAttribute('#done', 'data-new-pass');
  await shot('reissued');
  return r;
};
