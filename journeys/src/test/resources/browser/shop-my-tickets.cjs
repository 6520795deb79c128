// A visitor's "My tickets" on a phone (Chromium, 390×844). The test signs the visitor in and passes the session
// cookie. params: cookies ([{name, value, url}]), orders ({view, refund, change}: order page paths), changeTo
// (the availability id of the new slot), phone viewport. Steps:
//  1. the order "view": its QR codes shown; the service worker keeps the page; offline, the reloaded page still shows
//     them with the "offline copy" note (screenshots view-online-<i>.png, view-offline-<i>.png of each QR);
//  2. the order "refund": the refund form, all passes, confirmed → the order page says refunded;
//  3. the order "change": the change form, a day, the new slot → the order page shows the new QR codes
//     (screenshots change-new-<i>.png).
module.exports = async ({ page, url, params, shot, context }) => {
  await context.addCookies(params.cookies);
  const out = {};
  const qrs = async (tag) => {
    await page.waitForFunction(() => {
      const imgs = [...document.querySelectorAll('img[data-pass-id]')];
      return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    });
    const ids = await page.$$eval('img[data-pass-id]', (els) => els.map((e) => e.getAttribute('data-pass-id')));
    for (let i = 0; i < ids.length; i++) {
      await shot(`${tag}-${i}`, `img[data-pass-id="${ids[i]}"]`);
    }
    return ids;
  };

  // 1. the order, kept for offline use, then shown without network
  await page.goto(url + params.orders.view);
  out.viewTitle = (await page.textContent('h1')).trim();
  out.onlinePasses = await qrs('view-online');
  out.noteHiddenOnline = await page.locator('[data-offline-note]').isHidden();
  out.documentNotes = await page.locator('[data-document-entry]').count();
  await page.waitForSelector('html[data-offline-ready="1"]');
  await context.setOffline(true);
  await page.reload();
  out.offlinePasses = await qrs('view-offline');
  out.offlineNote = (await page.locator('[data-offline-note]').innerText()).trim();
  await shot('view-offline-page');
  await context.setOffline(false);

  // 2. refund the whole order
  await page.goto(url + params.orders.refund);
  await page.click('a[data-action="refund"]');
  await page.waitForSelector('form[data-form="refund"]');
  await shot('refund-form');
  await page.click('form[data-form="refund"] button[type="submit"]');
  await page.waitForSelector('[data-status]');
  out.refundedStatus = await page.getAttribute('[data-status]', 'data-status');
  out.refundLine = (await page.locator('[data-refund]').first().innerText()).trim();

  // 3. change the date of the third order
  await page.goto(url + params.orders.change);
  out.changeOldPasses = await page.$$eval('img[data-pass-id]', (els) => els.map((e) => e.getAttribute('data-pass-id')));
  await page.click('a[data-action="change"]');
  await page.waitForSelector('form[data-form="change-day"]');
  await page.fill('input[name="date"]', params.changeDay);
  await page.click('form[data-form="change-day"] button[type="submit"]');
  await page.waitForSelector('form[data-form="change"]');
  await shot('change-form');
  await page.check(`input[name="availabilityId"][value="${params.changeTo}"]`);
  await page.click('form[data-form="change"] button[type="submit"]');
  await page.waitForSelector('[data-status]');
  out.changeNewPasses = await qrs('change-new');
  out.changedNote = (await page.locator('[data-done]').innerText()).trim();
  return out;
};
