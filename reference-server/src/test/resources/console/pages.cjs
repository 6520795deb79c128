// The console's pages on a tablet: sign in as admin, change a slot's capacity (first below what is sold: the reason
// shown; then allowed), show a gate's enrollment QR, cancel a booking after its cutoff. params: password, slot, booking.
module.exports = async ({ page, url, params, shot }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(url + '/console/catalogue?date=2026-06-02&lang=en');
  await page.waitForSelector('form#sign-in');
  await page.fill('#login', 'admin');
  await page.fill('#password', params.password);
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  const landed = new URL(page.url()).pathname;
  const row = `tr[data-slot="${params.slot}"]`;
  await page.fill(`${row} input[name=capacity]`, '2');
  await Promise.all([page.waitForNavigation(), page.click(`${row} button[type=submit]`)]);
  const refusal = await page.textContent('#error');
  const refusalCode = await page.getAttribute('#error', 'data-code');
  await shot('capacity-refused');
  await page.fill(`${row} input[name=capacity]`, '5');
  await Promise.all([page.waitForNavigation(), page.click(`${row} button[type=submit]`)]);
  const changed = await page.isVisible('#changed');
  const capacity = (await page.textContent(`${row} .capacity`)).trim();

  await page.goto(url + '/console/devices');
  await page.selectOption('#gateId', 'gate-a');
  await page.selectOption('#role', 'GATE');
  await Promise.all([page.waitForNavigation(), page.click('#make-qr')]);
  const qrShown = await page.evaluate(() => {
    const img = document.querySelector('#enroll-qr');
    return img !== null && img.complete && img.naturalWidth > 0;
  });
  const code = (await page.textContent('#enroll-code')).trim();
  await shot('enrollment-qr');

  await page.goto(url + '/console/bookings?ref=' + encodeURIComponent(params.booking));
  const booking = `tr[data-booking="${params.booking}"]`;
  await page.fill(`${booking} input[name=reason]`, 'ropeway closed for the storm');
  await Promise.all([page.waitForNavigation(), page.click(`${booking} button[type=submit]`)]);
  const cancelled = await page.getAttribute(booking, 'data-status');
  await shot('booking-cancelled');
  return { landed, refusal, refusalCode, changed, capacity, qrShown, code, cancelled };
};
