// A visitor books in the shop on a phone: sign in with the code mailed to her (read through the test's stand-in for
// her mailbox, params.codeUrl), save two real-name visitors, choose a day and a time with places, two tickets, a
// saved visitor for each, pay at the demo's cashier, land on the order. params: email, codeUrl, product, unit, day,
// travellers [{number, name}]. Screenshots shop-<step>.png.
module.exports = async ({ page, url, params, shot }) => {
  const seen = [];
  await page.goto(url + '/shop/sign-in?next=/shop/travellers');
  await page.fill('#address', params.email);
  await page.click('#send');
  await page.waitForSelector('#code');
  await shot('shop-code');
  const code = (await (await page.request.get(params.codeUrl)).text()).trim();
  await page.fill('#code', code);
  await page.click('#verify');
  await page.waitForSelector('#add');
  seen.push(new URL(page.url()).pathname);
  for (const t of params.travellers) {
    await page.selectOption('#type', 'CN_ID');
    await page.fill('#number', t.number);
    await page.fill('#name', t.name);
    await page.click('#save');
    await page.waitForSelector(`#travellers li:nth-child(${params.travellers.indexOf(t) + 1})`);
  }
  const saved = await page.$$eval('#travellers li', (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
  await shot('shop-travellers');

  await page.goto(`${url}/shop/products/${params.product}?day=${params.day}`);
  const lights = await page.$$eval('[data-light]', (els) => els.map((e) => e.getAttribute('data-light')));
  await page.check('input[name="slot"] >> nth=0');
  await page.fill(`#n-${params.unit}`, '2');
  await shot('shop-product');
  await page.click('#book');
  await page.waitForSelector('#checkout');
  await page.selectOption('#t0', { index: 1 });
  await page.selectOption('#t1', { index: 2 });
  await shot('shop-checkout');
  await page.click('#hold');
  await page.waitForSelector('#pay');
  const amount = (await page.textContent('#amount')).trim();
  await shot('shop-pay');
  await page.click('#pay');
  await page.waitForSelector('#state');
  await shot('shop-order');
  return {
    seen,
    saved,
    lights,
    amount,
    state: await page.getAttribute('#state', 'data-state'),
    ref: (await page.textContent('#ref')).trim(),
    passes: (await page.textContent('#passes')).trim(),
    path: new URL(page.url()).pathname,
  };
};
