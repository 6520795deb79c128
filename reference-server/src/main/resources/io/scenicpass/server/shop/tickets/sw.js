// ScenicPass shop: keeps "My tickets" on the phone (mountain gates have weak signal). Scope /shop/.
// Pages and images the tickets script names are cached when the visitor opens them; requests of those go to the
// network first and fall back to the cached copy when it fails or is slower than 4 s; the copy then shows its
// "offline copy, last updated ..." note (rendered hidden in the page). Anything else passes through untouched.
'use strict';
const CACHE = 'scenicpass-tickets-v1';
const KEPT = /^\/shop\/(tickets|orders\/[^/]+)(\/passes\/[^/]+\/qr\.png)?$|^\/shop\/tickets\.js$|^\/design\.css$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));

// the page asks: keep these (itself, its QR images, the order pages it links to)
self.addEventListener('message', (e) => {
  const urls = (e.data && e.data.keep) || [];
  e.waitUntil(keep(urls).then(() => e.source && e.source.postMessage({kept: urls.length})));
});

async function keep(urls) {
  const cache = await caches.open(CACHE);
  for (const u of urls) {
    const url = new URL(u, self.location.origin);
    if (url.origin !== self.location.origin || !KEPT.test(url.pathname)) continue;
    try {
      const r = await fetch(url, {credentials: 'same-origin'});
      await store(cache, url, r);
      if (r.ok && (r.headers.get('Content-Type') || '').startsWith('text/html')) {
        const html = await r.clone().text();
        for (const m of html.matchAll(/src="([^"]+\/qr\.png)"/g)) {
          const img = new URL(m[1].replace(/&amp;/g, '&'), url);
          if (!(await cache.match(img))) await store(cache, img, await fetch(img, {credentials: 'same-origin'}));
        }
      }
    } catch (err) { /* offline now: keep what is cached */ }
  }
}

// a good answer is kept; one that sent the visitor to sign in (signed out) removes the copy
async function store(cache, url, r) {
  if (r.ok && !r.redirected) await cache.put(url, r.clone());
  else if (r.redirected || r.status === 401 || r.status === 403 || r.status === 404) await cache.delete(url);
}

self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== self.location.origin || !KEPT.test(url.pathname)) return;
  e.respondWith(networkThenCache(e.request, url));
});

async function networkThenCache(req, url) {
  const cache = await caches.open(CACHE);
  const network = fetch(req).then(async (r) => { await store(cache, url, r); return r; });
  const slow = new Promise((resolve) => setTimeout(resolve, 4000));
  try {
    const r = await Promise.race([network, slow.then(() => null)]);
    if (r) return r;
  } catch (err) { /* no network */ }
  const copy = await cache.match(url);
  if (!copy) return network; // nothing kept: the browser's own offline answer
  if (!(copy.headers.get('Content-Type') || '').startsWith('text/html')) return copy;
  const html = (await copy.text()).replace('data-offline-note hidden', 'data-offline-note');
  return new Response(html, {status: 200, headers: {'Content-Type': copy.headers.get('Content-Type')}});
}
