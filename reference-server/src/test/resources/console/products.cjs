// The console's product page on a tablet (768 wide): sign in as admin, a bad price refused with its code, then the
// adult unit's price for channel ctrip set in yuan; the page itself never scrolls sideways (the grid scrolls in its
// card). params: password, unit, channel.
module.exports = async ({ page, url, params, shot }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto(url + '/console/catalogue/products/tour?lang=en');
  await page.waitForSelector('form#sign-in');
  await page.fill('#login', 'admin');
  await page.fill('#password', params.password);
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  const landed = new URL(page.url()).pathname;
  const cell = `td[data-unit="${params.unit}"][data-channel="${params.channel}"]`;
  await page.fill(`${cell} input[name=retail]`, '12.345');
  await Promise.all([page.waitForNavigation(), page.click(`${cell} form.price-set button[type=submit]`)]);
  const refusalCode = await page.getAttribute('#error', 'data-code');
  const refusal = await page.textContent('#error');
  await shot('price-refused');
  await page.fill(`${cell} input[name=retail]`, '88.50');
  await page.fill(`${cell} input[name=net]`, '80');
  await Promise.all([page.waitForNavigation(), page.click(`${cell} form.price-set button[type=submit]`)]);
  const done = await page.getAttribute('#done', 'data-done');
  const own = await page.getAttribute(cell, 'data-own');
  const retail = await page.inputValue(`${cell} input[name=retail]`);
  const pageScrollsSideways = await page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  const gridInScroller = await page.evaluate(
    () => document.querySelector('#price-grid').closest('.sp-scroll') !== null);
  await shot('price-set');
  return { landed, refusalCode, refusal, done, own, retail, pageScrollsSideways, gridInScroller };
};
