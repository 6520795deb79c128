// A visitor activates her annual pass at the kiosk's touch screen: home → activate → scan the pass → swipe the ID card
// → look at the camera → done (validity and the new pass's QR); or, when the server refuses, the error screen with its
// code. The test puts the pass, the ID card and the face on the simulated scanner, reader and camera.
// params: lang ('zh-CN' | 'en'), expect ('done' | 'error'). Screenshots <lang>-<screen>.png; the QR's picture path.
module.exports = async ({ page, url, params, shot }) => {
  const seen = [];
  const tag = `${params.lang}-${params.expect}`;
  async function at(screen) {
    await page.waitForSelector(`body[data-screen="${screen}"]`);
    seen.push(screen);
    await shot(`${tag}-${screen}`);
  }
  await page.goto(url);
  await at('home');
  if (params.lang !== (await page.getAttribute('html', 'lang'))) {
    await page.click('#lang-switch');
    await page.waitForSelector(`html[lang="${params.lang}"]`);
  }
  const out = { seen, activateLabel: (await page.textContent('#activate')).trim() };
  await page.click('#activate');
  await at('activate');
  await page.click('#scan-pass');
  await at('activate-document');
  await page.click('#read-id');
  await at('activate-face');
  await page.click('#look');
  if (params.expect === 'error') {
    await at('error');
    out.code = await page.getAttribute('#problem', 'data-code');
    out.problem = (await page.textContent('#problem')).trim();
    return out;
  }
  await at('activate-done');
  out.title = (await page.textContent('h1')).trim();
  out.validity = (await page.textContent('#validity')).trim();
  out.from = await page.getAttribute('#validity', 'data-from');
  out.last = await page.getAttribute('#validity', 'data-last');
  out.passId = await page.getAttribute('#pass-qr', 'data-pass-id');
  out.qrWidth = await page.$eval('#pass-qr svg', (s) => s.getBoundingClientRect().width);
  out.picture = await shot(`${tag}-pass-qr`, '#pass-qr');
  return out;
};
