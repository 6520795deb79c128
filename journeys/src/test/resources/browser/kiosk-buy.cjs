// A visitor buys at the kiosk's touch screen: language → product → slot → units → documents → pay → printed.
// params: lang ('zh-CN' | 'en'), productId, units {unitId: count}, swipe (take each ticket's document from the ID
//         card reader, else leave the documents blank), pay ('CODE' | 'NATIVE'), paymentCode,
//         phoneUrl (NATIVE: POSTed the QR's screenshot file, it pays), expect ('PAID' | 'DECLINED'). Returns what the screens showed; screenshots <lang>-<screen>.png.
module.exports = async ({ page, url, params, shot }) => {
  const seen = [];
  const smallest = {};
  const tag = params.lang;
  async function at(screen) {
    await page.waitForSelector(`body[data-screen="${screen}"]`);
    seen.push(screen);
    // the smallest touch target of this screen (buttons, cards, tabs)
    smallest[screen] = await page.$$eval('.sp-btn, a.sp-card, .sp-tab', (els) =>
      Math.min(...els.filter((e) => e.offsetParent !== null).map((e) => Math.min(e.getBoundingClientRect().height,
        e.getBoundingClientRect().width))));
    await shot(`${tag}-${screen}`);
  }

  await page.goto(url);
  await at('home');
  const defaultLang = await page.getAttribute('html', 'lang');
  if (params.lang !== defaultLang) {
    await page.click('#lang-switch');
    await page.waitForSelector(`html[lang="${params.lang}"]`);
  }
  const buyLabel = (await page.textContent('#buy')).trim();
  await page.click('#buy');
  await at('products');
  await page.click(`[data-product-id="${params.productId}"]`);
  await at('slots');
  const slot = page.locator('a[data-slot-id]').first();
  const slotId = await slot.getAttribute('data-slot-id');
  const remainingBefore = Number(await slot.getAttribute('data-remaining'));
  await slot.click();
  await at('units');
  for (const [unitId, n] of Object.entries(params.units)) {
    for (let i = 0; i < n; i++) {
      await page.click(`[data-unit-id="${unitId}"] [data-step="1"]`);
    }
  }
  const total = (await page.textContent('#total')).trim();
  await shot(`${tag}-units-chosen`);
  await page.click('#next');
  await page.waitForSelector('body[data-screen="documents"], body[data-screen="pay"]');
  if (await page.$('body[data-screen="documents"]')) {
    await at('documents');
    const tickets = params.swipe ? await page.$$eval('[data-ticket]', (els) => els.length) : 0;
    for (let i = 0; i < tickets; i++) {
      await page.click(`#read-id-${i}`);
      await page.waitForSelector(`[data-ticket="${i}"][data-complete="true"]`);
    }
    await shot(`${tag}-documents-read`);
    await page.click('#next');
  }
  await at('pay');
  const saleId = page.url().split('/sales/')[1].split(/[/?]/)[0];
  const amount = (await page.textContent('#amount')).trim();
  let qr = null;
  if (params.pay === 'NATIVE') {
    await page.click('#pay-qr');
    await at('pay-qr');
    qr = {
      codeUrl: await page.getAttribute('#payment-qr', 'data-code-url'),
      svgs: await page.$$eval('#payment-qr svg', (s) => s.length),
      width: await page.$eval('#payment-qr svg', (s) => s.getBoundingClientRect().width),
      picture: await shot(`${tag}-payment-qr`, '#payment-qr'),
    };
    // the visitor's phone scans the QR on the screen and pays (params.phoneUrl: the test's stand-in for the phone)
    const scanned = await page.request.post(params.phoneUrl, { data: qr.picture });
    qr.phone = await scanned.text();
  } else {
    await page.click('#pay-code');
    await at('pay-code');
    await page.fill('#payment-code', params.paymentCode);
    await page.click('#pay-submit');
  }
  const out = { defaultLang, buyLabel, slotId, remainingBefore, total, amount, saleId, qr, seen, smallest };
  if (params.expect === 'DECLINED') {
    await page.waitForSelector('#problem[data-code="PAYMENT_DECLINED"]');
    await shot(`${tag}-pay-declined`);
    out.problem = (await page.textContent('#problem')).trim();
    return out;
  }
  // the QR screen polls the sale; the printing screen prints and moves on by itself
  await page.waitForSelector('body[data-screen="done"]', { timeout: 60000 });
  await at('done');
  out.passIds = await page.$$eval('[data-pass-id]', (els) => els.map((e) => e.getAttribute('data-pass-id')));
  out.bookingCode = (await page.textContent('#booking-code')).trim();
  out.idCardNote = (await page.$('#id-card-entry')) !== null;
  out.doneTitle = (await page.textContent('h1')).trim();
  return out;
};
