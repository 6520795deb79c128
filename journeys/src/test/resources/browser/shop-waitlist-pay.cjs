// The visitor comes back after the offer message: sign in again, open her waiting lists, the offered entry, pay the
// held places at the demo's cashier, land on her order. params: email, codeUrl.
module.exports = async ({ page, url, params, shot }) => {
  await page.goto(url + '/shop/sign-in?next=/shop/waitlist');
  await page.fill('#address', params.email);
  await page.click('#send');
  await page.waitForSelector('#code');
  const code = (await (await page.request.get(params.codeUrl)).text()).trim();
  await page.fill('#code', code);
  await page.click('#verify');
  await page.waitForSelector('#entries');
  await page.click('#entries li[data-status="OFFERED"] a');
  await page.waitForSelector('#offer');
  await shot('waitlist-offer');
  await Promise.all([page.waitForNavigation(), page.click('#pay')]); // the offer's link to its pay page
  await page.waitForSelector('#pay');
  const amount = (await page.textContent('#amount')).trim();
  await page.click('#pay');
  await page.waitForSelector('#state');
  await shot('waitlist-paid');
  return {
    amount,
    state: await page.getAttribute('#state', 'data-state'),
    ref: (await page.textContent('#ref')).trim(),
  };
};
