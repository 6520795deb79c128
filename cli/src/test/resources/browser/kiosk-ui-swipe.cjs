// ./scenicpass kiosk --ui-port: through the screens to the documents, where "swipe ID card" takes the document the
// kiosk's stdin put on the reader; then the order is confirmed and the pay screen shows its amount.
// params: productId, unitId. Screenshots: cli-<screen>.png.
module.exports = async ({ page, url, params, shot }) => {
  await page.goto(url);
  await page.waitForSelector('body[data-screen="home"]');
  await shot('cli-home');
  await page.click('#buy');
  await page.click(`[data-product-id="${params.productId}"]`);
  await page.locator('a[data-slot-id]').first().click();
  await page.click(`[data-unit-id="${params.unitId}"] [data-step="1"]`);
  await page.click('#next');
  await page.waitForSelector('body[data-screen="documents"]');
  await page.click('#read-id-0');
  await page.waitForSelector('[data-ticket="0"][data-complete="true"]');
  const read = { number: await page.inputValue('[name="number.0"]'), name: await page.inputValue('[name="name.0"]') };
  await shot('cli-documents');
  await page.click('#next');
  await page.waitForSelector('body[data-screen="pay"]');
  await shot('cli-pay');
  return { read, amount: (await page.textContent('#amount')).trim(), lang: await page.getAttribute('html', 'lang') };
};
