// The slots calendar on a tablet: sign in as admin, open the month, click tomorrow, close the whole day. params:
// password, day (YYYY-MM-DD).
module.exports = async ({ page, url, params, shot }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(url + '/console/catalogue/slots?option=tour-opt&lang=en');
  await page.waitForSelector('form#sign-in');
  await page.fill('#login', 'admin');
  await page.fill('#password', params.password);
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  await page.waitForSelector('#calendar');
  await shot('calendar');
  await Promise.all([page.waitForNavigation(), page.click(`td[data-day="${params.day}"] a`)]);
  const slotsShown = await page.locator('#day tr[data-slot]').count();
  await Promise.all([page.waitForNavigation(), page.click('#close-day')]);
  const done = await page.getAttribute('#done', 'data-done');
  const state = await page.getAttribute(`td[data-day="${params.day}"]`, 'data-state');
  const closedSlots = await page.locator('#day tr[data-closed="true"]').count();
  await shot('day-closed');
  return { slotsShown, done, state, closedSlots };
};
