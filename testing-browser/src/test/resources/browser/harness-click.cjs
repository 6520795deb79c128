// Clicks the page's button and reads what it wrote; params.fail makes the script wait for something absent.
module.exports = async ({ page, url, params, shot }) => {
  await page.goto(url);
  await page.click('#go');
  const said = await page.textContent('#said');
  await shot('clicked');
  if (params.fail) {
    await page.waitForSelector('#never-there', { timeout: 2000 });
  }
  return { said, lang: await page.evaluate(() => navigator.language) };
};
