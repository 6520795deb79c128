// The console's two-step sign-in and channels page on a tablet: password, then the authenticator's code on its own
// page; create a channel and read its key (shown once), open the channel again (no key), rotate the key and read the
// new one. params: login, password, code, channel.
module.exports = async ({ page, url, params, shot }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(url + '/console/channels?lang=en');
  await page.waitForSelector('form#sign-in');
  await page.fill('#login', params.login);
  await page.fill('#password', params.password);
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  const codeStep = new URL(page.url()).pathname;
  const passwordAsked = await page.isVisible('#password');
  await shot('code-step');
  await page.fill('#code', params.code);
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  const landed = new URL(page.url()).pathname;

  await page.fill('#new-id', params.channel);
  await page.fill('#new-name', 'Fliggy');
  await page.selectOption('#new-kind', 'OTA');
  await page.fill('#new-rate', '20');
  await page.fill('#new-burst', '40');
  await Promise.all([page.waitForNavigation(), page.click('#create-channel')]);
  const first = (await page.textContent('#new-key')).trim();
  await shot('key-once');

  await page.goto(url + '/console/channels?id=' + encodeURIComponent(params.channel));
  const shownAgain = (await page.content()).includes(first) || (await page.isVisible('#new-key'));
  await Promise.all([page.waitForNavigation(), page.click('#rotate-key')]);
  const second = (await page.textContent('#new-key')).trim();
  const keys = await page.$$eval('#keys li', (lis) => lis.map((li) => li.getAttribute('data-revoked')));
  await shot('key-rotated');
  return { codeStep, passwordAsked, landed, first, shownAgain, second, keys };
};
