// /shop/park's refresh: every 30 s the park's JSON (same language and zones as the page) updates the lights, the
// route and the time; the page works without this script (it is whole when served).
(function () {
  'use strict';
  var root = document.getElementById('park');
  if (!root || !window.fetch) {
    return;
  }
  function text(el, s) {
    if (el) {
      el.textContent = s;
    }
  }
  function refresh() {
    fetch(root.getAttribute('data-api'), { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p) {
          return;
        }
        p.zones.forEach(function (z) {
          var li = document.querySelector('#zones [data-zone="' + z.id + '"]');
          if (li) {
            li.setAttribute('data-light', z.light);
            text(li.querySelector('.sp-light-label'), z.label);
            text(li.querySelector('.sp-people'), z.people);
          }
        });
        var ol = document.getElementById('route');
        if (ol) {
          ol.textContent = '';
          p.route.steps.forEach(function (s) {
            var li = document.createElement('li');
            li.setAttribute('data-zone', s.zoneId);
            li.setAttribute('data-light', s.light);
            li.setAttribute('data-later', String(s.later));
            li.textContent = s.text;
            ol.appendChild(li);
          });
        }
        text(document.getElementById('route-total'), p.route.total);
        text(document.getElementById('as-of'), p.asOfText);
        root.setAttribute('data-refreshed', p.asOf);
      })
      .catch(function () { /* offline: keep what is shown */ });
  }
  setInterval(refresh, Number(root.getAttribute('data-every') || 30000));
  root.addEventListener('park:refresh', refresh); // tests and the impatient
})();
