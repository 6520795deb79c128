// ScenicPass operator dashboard: plain JS, no build step, no CDN. Fetches /console/dashboard/summary with the
// console session's cookie (the operator signed in; no token anywhere) and redraws every 15 s. Charts are hand-drawn
// inline SVG.
(function () {
  'use strict';
  var REFRESH_MS = 15000;
  var SVG = 'http://www.w3.org/2000/svg';
  var timer = null;

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function hhmm(iso) {
    var d = new Date(iso);
    // the area's local time (Asia/Shanghai, UTC+8, no DST)
    var t = new Date(d.getTime() + 8 * 3600 * 1000);
    return ('0' + t.getUTCHours()).slice(-2) + ':' + ('0' + t.getUTCMinutes()).slice(-2);
  }
  function levelClass(pct) { return pct >= 80 ? 'crit' : pct >= 60 ? 'warn' : ''; }
  function status(text, cls) { var s = $('status'); s.textContent = text; s.className = 'status ' + (cls || ''); }

  function load() {
    fetch('/console/dashboard/summary', { credentials: 'same-origin', redirect: 'manual' })
      .then(function (r) {
        if (r.status === 401 || r.type === 'opaqueredirect') { location.href = '/console/sign-in?next=/console/dashboard'; throw new Error('signed out'); }
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      })
      .then(function (s) { render(s); status('live', 'ok'); document.body.setAttribute('data-loaded', 'true'); })
      .catch(function (e) { status(e.message, 'err'); });
  }

  function render(s) {
    $('date').textContent = s.date;
    $('as-of').textContent = hhmm(s.occupancy.asOf);
    renderOccupancy(s.occupancy);
    renderAlerts(s.alerts);
    renderForecast(s.forecast);
    renderSlots(s.slots);
    renderHeatmap(s.heatmap);
    renderGates(s.gates);
    renderChannels(s.channels);
    if (s.counter) { renderCounter(s.counter); }
    if (s.measures) { renderMeasures(s.measures); }
  }

  function renderOccupancy(o) {
    $('occ-park').textContent = o.park;
    $('occ-capacity').textContent = o.capacity;
    $('occ-level').textContent = o.levelPct;
    var bar = $('occ-bar');
    bar.style.width = Math.min(100, o.levelPct) + '%';
    bar.className = levelClass(o.levelPct);
    var tb = $('zones').tBodies[0];
    tb.innerHTML = '';
    o.zones.forEach(function (z) {
      var tr = el('tr', { 'data-zone-id': z.zoneId });
      tr.appendChild(el('td', null, z.zoneId));
      tr.appendChild(el('td', { 'data-field': 'in' }, z['in']));
      tr.appendChild(el('td', { 'data-field': 'out' }, z.out));
      tr.appendChild(el('td', { 'data-field': 'occupancy' }, z.occupancy));
      tb.appendChild(tr);
    });
  }

  function renderAlerts(alerts) {
    var ul = $('alerts');
    ul.innerHTML = '';
    var active = alerts.filter(function (a) { return a.active; });
    var badge = $('alerts-count');
    badge.textContent = active.length;
    badge.className = 'badge' + (active.length ? '' : ' zero');
    if (!alerts.length) { ul.appendChild(el('li', { 'class': 'none' }, '无告警 No alerts')); return; }
    alerts.forEach(function (a) {
      var li = el('li', { 'class': a.active ? 'active' : '', 'data-alert-key': a.key,
        'data-active': String(a.active), 'data-remaining': a.remaining });
      li.appendChild(el('div', null, a.textZh));
      li.appendChild(el('div', null, a.textEn));
      li.appendChild(el('div', { 'class': 'when' }, (a.active ? 'raised ' + hhmm(a.raisedAt)
        : 'cleared ' + (a.clearedAt ? hhmm(a.clearedAt) : '')) + ' · ' + a.basis + ' · ' + a.levelPct + '%'));
      ul.appendChild(li);
    });
  }

  function renderForecast(f) {
    $('forecast-next2h').textContent = f.expectedNext2h;
    $('forecast-peak').textContent = f.expectedPeakOccupancy;
    var box = $('forecast-chart');
    box.innerHTML = '';
    var n = f.actualBefore.length + f.total.length;
    var W = 560, H = 200, L = 34, B = 22, T = 8;
    var max = 1;
    f.actualBefore.forEach(function (v) { max = Math.max(max, v); });
    f.total.forEach(function (v) { max = Math.max(max, v); });
    max = Math.ceil(max / 10) * 10;
    var s = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, width: '100%', role: 'img' });
    var bw = (W - L - 18) / n;
    var y = function (v) { return H - B - (H - B - T) * v / max; };
    for (var g = 0; g <= 4; g++) {
      var gv = max * g / 4;
      s.appendChild(svg('line', { x1: L, x2: W, y1: y(gv), y2: y(gv), stroke: '#edf0f3' }));
      var tl = svg('text', { x: L - 4, y: y(gv) + 3, 'text-anchor': 'end' });
      tl.textContent = Math.round(gv);
      s.appendChild(tl);
    }
    var startMs = new Date(f.from).getTime() - f.actualBefore.length * f.bucketMinutes * 60000;
    f.actualBefore.forEach(function (v, i) {
      s.appendChild(svg('rect', { x: L + i * bw + 1, y: y(v), width: bw - 2, height: H - B - y(v), fill: '#3a6ea5',
        'data-actual-bin': i, 'data-value': v }));
    });
    f.total.forEach(function (v, i) {
      var x = L + (f.actualBefore.length + i) * bw + 1;
      s.appendChild(svg('rect', { x: x, y: y(v), width: bw - 2, height: H - B - y(v), fill: '#f0a030',
        'data-forecast-bin': i, 'data-value': v }));
      var w = f.walkUps[i];
      s.appendChild(svg('rect', { x: x, y: y(w), width: bw - 2, height: H - B - y(w), fill: '#8e5c12' }));
    });
    var nowX = L + f.actualBefore.length * bw;
    s.appendChild(svg('line', { x1: nowX, x2: nowX, y1: T, y2: H - B, stroke: '#c62828', 'stroke-dasharray': '4 3' }));
    for (var k = 0; k <= n; k += 6) {
      var t = svg('text', { x: L + k * bw, y: H - 6, 'text-anchor': 'middle' });
      t.textContent = hhmm(new Date(startMs + k * f.bucketMinutes * 60000).toISOString());
      s.appendChild(t);
    }
    box.appendChild(s);
  }

  function renderSlots(slots) {
    var tb = $('slots').tBodies[0];
    tb.innerHTML = '';
    slots.forEach(function (sl) {
      var pct = sl.capacity ? Math.round(100 * (sl.sold + sl.held) / sl.capacity) : 0;
      var tr = el('tr', { 'data-slot-id': sl.slotId });
      tr.appendChild(el('td', null, sl.productId));
      tr.appendChild(el('td', null, hhmm(sl.startAt) + '–' + hhmm(sl.endAt)));
      tr.appendChild(el('td', { 'data-field': 'capacity' }, sl.capacity));
      tr.appendChild(el('td', { 'data-field': 'sold' }, sl.sold));
      tr.appendChild(el('td', { 'data-field': 'entered' }, sl.entered));
      tr.appendChild(el('td', { 'data-field': 'remaining' }, sl.remaining));
      var td = el('td', { 'class': 'fill' });
      var bar = el('div', { 'class': 'bar', title: pct + '%' });
      var inner = el('div', { 'class': levelClass(pct) });
      inner.style.width = Math.min(100, pct) + '%';
      bar.appendChild(inner);
      td.appendChild(bar);
      tr.appendChild(td);
      tb.appendChild(tr);
    });
  }

  function renderHeatmap(h) {
    var box = $('heatmap');
    box.innerHTML = '';
    var first = 6, last = 20;
    var t = el('table', { 'class': 'heatgrid' });
    var hr = el('tr');
    hr.appendChild(el('th', null, 'Gate'));
    for (var i = first; i <= last; i++) { hr.appendChild(el('th', null, i)); }
    t.appendChild(hr);
    h.gates.forEach(function (g, gi) {
      var tr = el('tr', { 'data-gate-id': g });
      tr.appendChild(el('td', null, g));
      for (var hh = first; hh <= last; hh++) {
        var v = h.counts[gi][hh];
        var a = h.max ? v / h.max : 0;
        var td = el('td', { 'data-hour': hh, 'data-count': v }, v || '');
        td.style.background = 'rgba(198, 40, 40,' + (0.08 + 0.85 * a).toFixed(2) + ')';
        if (a > 0.55) { td.style.color = '#fff'; }
        tr.appendChild(td);
      }
      t.appendChild(tr);
    });
    box.appendChild(t);
  }

  function renderGates(gates) {
    var box = $('gates');
    box.innerHTML = '';
    gates.forEach(function (g) {
      var row = el('div', { 'class': 'gate', 'data-gate-id': g.gateId });
      var name = el('div', { 'class': 'name' }, g.name);
      name.appendChild(el('small', null, g.gateId + ' · ' + g.zoneId + ' · ' + g.direction));
      row.appendChild(name);
      var devs = el('div', { 'class': 'devices' });
      if (!g.devices.length) { devs.appendChild(el('span', { 'class': 'nodevice' }, 'no device enrolled')); }
      g.devices.forEach(function (d) {
        var dv = el('div', { 'class': 'device', 'data-device-id': d.deviceId, 'data-status': d.status });
        dv.appendChild(document.createTextNode(d.name || d.deviceId));
        dv.appendChild(el('span', { 'class': 'chip ' + d.status }, d.status));
        var tele = d.telemetry.map(function (r) {
          return r.sensor + ' ' + r.kind.toLowerCase() + ' ' + r.value + (r.unit ? ' ' + r.unit : '');
        }).join(' · ');
        dv.appendChild(el('div', { 'class': 'tele' }, (d.lastSeenAt ? 'seen ' + hhmm(d.lastSeenAt) : 'never seen')
          + (tele ? ' · ' + tele : '')));
        devs.appendChild(dv);
      });
      row.appendChild(devs);
      box.appendChild(row);
    });
  }

  function renderChannels(chs) {
    var box = $('channels');
    box.innerHTML = '';
    var max = chs.reduce(function (m, c) { return Math.max(m, c.sharePct); }, 1);
    chs.slice(0, 12).forEach(function (c) {
      var row = el('div', { 'class': 'channel', 'data-channel-id': c.channelId, 'data-units': c.units });
      row.appendChild(el('span', { 'class': 'cname', title: c.name }, c.name));
      var bar = el('div', { 'class': 'cbar' });
      var inner = el('div');
      inner.style.width = (100 * c.sharePct / max) + '%';
      bar.appendChild(inner);
      row.appendChild(bar);
      row.appendChild(el('span', { 'class': 'num' }, c.units + ' · ' + c.sharePct + '%'));
      box.appendChild(row);
    });
  }

  function yuan(fen) { return (fen / 100).toFixed(2); }

  // the counter's report of today: sales (paid, refunded later included), refunds, by payment method and device
  function renderCounter(c) {
    $('counter-count').textContent = c.sales.count;
    $('counter-amount').textContent = yuan(c.sales.amountFen);
    $('counter-refunds').textContent = c.refunds.count;
    $('counter-refunded').textContent = yuan(c.refunds.amountFen);
    [['counter-methods', c.byMethod], ['counter-devices', c.byDevice]].forEach(function (t) {
      var tb = $(t[0]).tBodies[0];
      tb.innerHTML = '';
      t[1].forEach(function (r) {
        var tr = el('tr', { 'data-key': r.key });
        tr.appendChild(el('td', null, r.key));
        tr.appendChild(el('td', { 'data-field': 'count' }, r.count));
        tr.appendChild(el('td', { 'data-field': 'amount' }, yuan(r.amountFen)));
        tb.appendChild(tr);
      });
    });
  }

  // today's measures of the visitor facts (docs/operations.md § Measures): ratios of stored facts, '—' without data
  function pct(x) { return x === null || x === undefined ? '—' : (x * 100).toFixed(1) + '%'; }
  function renderMeasures(m) {
    var v = m.total.measures;
    [['m-secondary', pct(v.secondarySpendingShare)],
     ['m-spend', v.averageSpendFen === null ? '—' : yuan(v.averageSpendFen)],
     ['m-repurchase', pct(v.repurchaseRate)], ['m-offers', pct(v.offerConversion)],
     ['m-packages', pct(v.packageShare)],
     ['m-dwell', v.averageDwellMinutes === null ? '—' : v.averageDwellMinutes]].forEach(function (x) {
      $(x[0]).textContent = x[1];
    });
    var tb = $('m-segments').tBodies[0];
    tb.innerHTML = '';
    (m.segments || []).forEach(function (s) {
      var tr = el('tr', { 'data-key': s.code });
      tr.appendChild(el('td', null, s.name));
      tr.appendChild(el('td', { 'data-field': 'size' }, s.size));
      tr.appendChild(el('td', { 'data-field': 'dwell' }, s.averageDwellMinutes === null ? '—' : s.averageDwellMinutes));
      tb.appendChild(tr);
    });
  }

  load();
  timer = setInterval(load, REFRESH_MS);
})();
