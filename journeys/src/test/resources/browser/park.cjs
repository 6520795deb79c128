// A visitor opens /shop/park on a phone (signed out): reads the zones' traffic lights, the suggested route and the
// notices; asks for a route through chosen zones with the form; lets the page's script refresh once from the JSON.
// params: lang ('zh-CN' | 'en'), pick (zone ids to tick in the route form, optional). Screenshots <lang>-park*.png.
module.exports = async ({ page, url, params, shot }) => {
  const tag = params.lang;
  const read = async () => ({
    lang: await page.getAttribute('html', 'lang'),
    title: (await page.textContent('h1')).trim(),
    zones: await page.$$eval('#zones [data-zone]', (els) => els.map((e) => ({
      id: e.getAttribute('data-zone'),
      light: e.getAttribute('data-light'),
      label: e.querySelector('.sp-light-label').textContent.trim(),
    }))),
    route: await page.$$eval('#route [data-zone]', (els) => els.map((e) => ({
      id: e.getAttribute('data-zone'),
      later: e.getAttribute('data-later') === 'true',
      text: e.textContent.replace(/\s+/g, ' ').trim(),
    }))),
    notices: await page.$$eval('#notices [data-notice-id]', (els) => els.map((e) => ({
      kind: e.getAttribute('data-kind'),
      severity: e.getAttribute('data-severity'),
      text: e.textContent.replace(/\s+/g, ' ').trim(),
    }))),
    rule: (await page.textContent('#route-rule')).trim(),
  });
  await page.goto(url + '?lang=' + encodeURIComponent(params.lang));
  await page.waitForSelector('#park');
  const first = await read();
  await shot(`${tag}-park`);
  const out = { first };
  if (params.pick) {
    for (const box of await page.$$('#route-form input[name="zone"]')) {
      const want = params.pick.includes(await box.getAttribute('value'));
      if ((await box.isChecked()) !== want) {
        await box.click(); // the label and box are large enough to tap; click keeps it keyboard-equivalent
      }
    }
    await Promise.all([page.waitForNavigation(), page.click('#plan')]);
    out.picked = await read();
    await shot(`${tag}-park-picked`);
  }
  // the refresh script: one refresh asked now instead of waiting 30 s, then the page says when it refreshed
  await page.evaluate(() => document.getElementById('park').dispatchEvent(new Event('park:refresh')));
  await page.waitForSelector('#park[data-refreshed]');
  out.refreshed = await read();
  out.bytes = (await page.content()).length;
  return out;
};
