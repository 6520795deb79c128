// A visitor joins a sold-out slot's waiting list on a phone: sign in with the code mailed to her (params.codeUrl), open
// the slot's waiting list page (params.join), ask for params.count places of params.unit, see her place in line.
module.exports = async ({ page, url, params, shot }) => {
  await page.goto(url + '/shop/sign-in?next=' + encodeURIComponent(params.join));
  await page.fill('#address', params.email);
  await page.click('#send');
  await page.waitForSelector('#code');
  const code = (await (await page.request.get(params.codeUrl)).text()).trim();
  await page.fill('#code', code);
  await page.click('#verify');
  await page.waitForSelector('#join');
  const left = (await page.textContent('#vacancies')).trim();
  await page.fill(`#unit-${params.unit}`, String(params.count));
  await shot('waitlist-join');
  await page.click('#join-button');
  await page.waitForSelector('#place');
  await shot('waitlist-place');
  return {
    left,
    place: await page.getAttribute('#place', 'data-place'),
    status: await page.getAttribute('#entry', 'data-status'),
    path: new URL(page.url()).pathname,
  };
};
