// A visitor picks up pre-booked tickets at the kiosk's touch screen: home → pick-up → swipe the ID card → the bookings
// found → print → done; then tries again: the booking is shown refused (ALREADY_PRINTED). The test puts the ID card on
// the simulated reader once per swipe. params: lang ('zh-CN' | 'en'). Screenshots <lang>-<screen>[-again].png.
module.exports = async ({ page, url, params, shot }) => {
  const seen = [];
  const tag = params.lang;
  async function at(screen, suffix) {
    await page.waitForSelector(`body[data-screen="${screen}"]`);
    seen.push(screen);
    await shot(`${tag}-${screen}${suffix || ''}`);
  }
  async function swipe(suffix) {
    await page.goto(url);
    await at('home', suffix);
    const lang = await page.getAttribute('html', 'lang');
    if (params.lang !== lang) {
      await page.click('#lang-switch');
      await page.waitForSelector(`html[lang="${params.lang}"]`);
    }
    await page.click('#pickup');
    await at('pickup', suffix);
    await page.click('#read-id');
    await at('pickups', suffix);
    return page.$$eval('[data-booking-id]', (els) => els.map((e) => ({
      bookingId: e.getAttribute('data-booking-id'),
      printable: e.getAttribute('data-printable') === 'true',
      code: (e.querySelector('[data-code]') || { getAttribute: () => null }).getAttribute('data-code'),
      refusal: (e.querySelector('[data-code]') || { textContent: '' }).textContent.trim(),
    })));
  }

  const first = await swipe('');
  const printable = first.find((b) => b.printable);
  const out = { first, seen };
  if (!printable) {
    return out;
  }
  await page.click(`[data-print="${printable.bookingId}"]`);
  await at('pickup-done');
  out.passIds = await page.$$eval('[data-pass-id]', (els) => els.map((e) => e.getAttribute('data-pass-id')));
  out.doneTitle = (await page.textContent('h1')).trim();
  out.second = await swipe('-again');
  return out;
};
