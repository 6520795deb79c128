// ScenicPass shop: registers the service worker that keeps "My tickets" offline, then asks it to keep this page,
// its QR images and the order pages it links to. Sets data-offline-ready on <html> when they are kept.
'use strict';
(function () {
  if (!('serviceWorker' in navigator) || navigator.serviceWorker === undefined) return;
  const keep = [location.href, '/design.css', '/shop/tickets.js'];
  document.querySelectorAll('a[data-offline]').forEach((a) => keep.push(a.href));
  navigator.serviceWorker.addEventListener('message', (e) => {
    if (e.data && e.data.kept !== undefined) document.documentElement.dataset.offlineReady = '1';
  });
  navigator.serviceWorker.register('/shop/sw.js', {scope: '/shop/'}).then(() => navigator.serviceWorker.ready)
    .then((reg) => { if (navigator.onLine !== false) reg.active.postMessage({keep: keep}); })
    .catch(() => { /* no offline copy on this browser */ });
})();
