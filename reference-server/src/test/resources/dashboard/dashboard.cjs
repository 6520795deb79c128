// The live dashboard behind the console's sign-in. params.password: sign in as admin first (else not at all).
// Returns where the page ended, its DOM once loaded (or not), and a screenshot 'dashboard'.
module.exports = async ({ page, url, params, shot }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(url + '/dashboard');
  if (!params.password) {
    await page.waitForSelector('form#sign-in');
    return { path: new URL(page.url()).pathname, dom: await page.content() };
  }
  await page.fill('#login', 'admin');
  await page.fill('#password', params.password);
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  await page.waitForSelector('body[data-loaded="true"]');
  await shot('dashboard');
  return { path: new URL(page.url()).pathname, dom: await page.content() };
};
