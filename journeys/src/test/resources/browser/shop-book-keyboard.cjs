// The same booking with the keyboard alone (no mouse, no programmatic focus): Tab to each control, type, Space to
// choose, Enter to submit. On every page it also collects the form controls without a label and the buttons and
// links without a name (both must be none). params as shop-book.cjs. Screenshots kbd-<step>.png.
module.exports = async ({ page, url, params, shot }) => {
  const unlabelled = [];
  const audit = async () => {
    const bad = await page.$$eval('input, select, textarea, button, a[href]', (els) =>
      els
        .filter((e) => e.type !== 'hidden')
        .filter((e) => {
          if (e.tagName === 'BUTTON' || e.tagName === 'A') {
            return !(e.textContent.trim() || e.getAttribute('aria-label'));
          }
          return !((e.labels && e.labels.length) || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby'));
        })
        .map((e) => location.pathname + ' ' + e.tagName + '#' + (e.id || e.name)));
    unlabelled.push(...bad);
  };
  // presses Tab until the focused element matches sel (at most 80 presses): the way a keyboard user gets there
  const tabTo = async (sel) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), sel)) {
        return;
      }
    }
    throw new Error('Tab never reached ' + sel + ' on ' + page.url());
  };
  const typeInto = async (sel, text) => {
    await tabTo(sel);
    await page.keyboard.type(text);
  };
  const submit = async (sel, next) => {
    await tabTo(sel);
    await Promise.all([page.waitForSelector(next), page.keyboard.press('Enter')]);
  };

  await page.goto(url + '/shop/sign-in?next=/shop/travellers');
  await audit();
  await typeInto('#address', params.email);
  await submit('#send', '#code');
  await audit();
  const code = (await (await page.request.get(params.codeUrl)).text()).trim();
  await typeInto('#code', code);
  await submit('#verify', '#add');
  await audit();
  for (const t of params.travellers) {
    await tabTo('#type');
    await page.keyboard.press('Home'); // the first document type: the mainland ID card
    await typeInto('#number', t.number);
    await typeInto('#name', t.name);
    await submit('#save', `#travellers li:nth-child(${params.travellers.indexOf(t) + 1})`);
  }
  await shot('kbd-travellers');

  await page.goto(`${url}/shop/products/${params.product}?day=${params.day}`);
  await audit();
  await tabTo('input[name="slot"]');
  await page.keyboard.press('Space');
  await typeInto(`#n-${params.unit}`, '2');
  await submit('#book', '#checkout');
  await audit();
  await tabTo('#t0');
  await page.keyboard.press('ArrowDown');
  await tabTo('#t1');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await shot('kbd-checkout');
  await submit('#hold', '#pay');
  await audit();
  await submit('#pay', '#state');
  await shot('kbd-order');
  return {
    unlabelled,
    state: await page.getAttribute('#state', 'data-state'),
    passes: (await page.textContent('#passes')).trim(),
  };
};
