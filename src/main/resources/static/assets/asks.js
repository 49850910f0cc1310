/* Asks: picks one variant of each ask per reader and applies the display rules, all in this browser.
   State lives in localStorage only (no cookies, no identifiers); the page HTML is the same for everyone.
   The inline gate script has already placed the notice, banner and story ask while the page was parsed (so nothing
   shifts after the first paint); this wires them up, and places them itself only where the gate did not run. */
(function () {
  'use strict';
  var cfg = document.getElementById('asks');
  if (!cfg) return;
  var KEY = 'samizdat.asks', DAY = 864e5, now = Date.now(), s = {}, opener = null;
  try { s = JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { s = {}; }
  function save() { try { localStorage.setItem(KEY, JSON.stringify(s)); } catch (e) { /* private mode */ } }
  function days(name) { var n = parseFloat(cfg.getAttribute('data-' + name)); return (n >= 0 ? n : 7) * DAY; }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function beacon(id, event) {
    if (navigator.sendBeacon) navigator.sendBeacon(cfg.getAttribute('data-beacons') + '/' + id + '/' + event);
  }
  s.views = (s.views || 0) + 1;
  s.pick = s.pick || {};
  if (document.querySelector('[data-donated]')) s.donated = now;
  save();

  function choose(kind) {
    var all = $$('template[data-ask-kind="' + kind + '"]'), i;
    if (!all.length) return null;
    for (i = 0; i < all.length; i++) if (all[i].getAttribute('data-ask') === s.pick[kind]) return all[i];
    var t = all[Math.floor(Math.random() * all.length)];
    s.pick[kind] = t.getAttribute('data-ask');
    save();
    return t;
  }
  function place(t, parent) {
    var node = t.content.firstElementChild.cloneNode(true);
    node.setAttribute('data-ask-placed', t.getAttribute('data-ask') || '');
    (parent || t.parentNode).insertBefore(node, parent ? null : t);
    return node;
  }
  function placed(t) {
    var n = t.previousElementSibling;
    return n && n.getAttribute('data-ask-placed') === (t.getAttribute('data-ask') || '') ? n : null;
  }
  function show(kind) {
    var t = choose(kind);
    if (!t) return null;
    var node = placed(t) || place(t), id = t.getAttribute('data-ask');
    beacon(id, 'shown');
    $$('[data-ask-open]', node).forEach(function (a) {
      a.addEventListener('click', function (e) {
        if (openModal(a)) { e.preventDefault(); beacon(id, 'opened'); }
      });
    });
    return node;
  }
  function removeAll() { $$('[data-ask-placed]').forEach(function (n) { if (n.close) n.close(); n.remove(); }); }

  var modal = null;
  function buildModal() {
    var t = choose('modal');
    if (!t) return null;
    var d = place(t, document.body), f = d.querySelector('form'), amount = f.elements.amount;
    function sync() {
      var fr = f.elements.frequency.value, sel = f.elements.currency, cur = sel.value, o = sel.options[sel.selectedIndex];
      if (o) {
        amount.min = o.getAttribute('data-min');
        amount.max = o.getAttribute('data-max');
        d.querySelector('.ask-hint').textContent = o.getAttribute('data-range');
      }
      $$('[data-amount]', f).forEach(function (b) {
        b.hidden = b.getAttribute('data-frequency') !== fr || b.getAttribute('data-currency') !== cur;
        b.setAttribute('aria-pressed', String(!b.hidden && b.getAttribute('data-amount') === amount.value));
      });
    }
    f.addEventListener('change', sync);
    amount.addEventListener('input', sync);
    $$('[data-amount]', f).forEach(function (b) {
      b.addEventListener('click', function () { amount.value = b.getAttribute('data-amount'); sync(); });
    });
    f.addEventListener('submit', function () { beacon(t.getAttribute('data-ask'), 'continued'); });
    d.querySelector('[data-ask-close]').addEventListener('click', function () { d.close(); });
    d.querySelector('[data-ask-later]').addEventListener('click', function () {
      s.remindUntil = now + days('remind');
      save();
      d.close();
      removeAll();
    });
    d.addEventListener('keydown', function (e) {
      if (e.key !== 'Tab') return;
      var all = $$('a[href], button, input, select, textarea', d).filter(function (el) {
        return !el.disabled && el.type !== 'hidden' && el.getClientRects().length && (el.type !== 'radio' || el.checked);
      });
      var first = all[0], last = all[all.length - 1];
      if (!first) return;
      if (e.shiftKey ? document.activeElement === first : document.activeElement === last) {
        (e.shiftKey ? last : first).focus();
        e.preventDefault();
      }
    });
    d.addEventListener('close', function () {
      if (opener && document.contains(opener)) opener.focus();
      opener = null;
    });
    sync();
    return { dialog: d, id: t.getAttribute('data-ask') };
  }
  function openModal(from) {
    modal = modal || buildModal();
    if (!modal || modal.dialog.open || !modal.dialog.showModal) return false;
    opener = from || document.activeElement;
    modal.dialog.showModal();
    s.modalAt = Date.now();
    save();
    beacon(modal.id, 'shown');
    return true;
  }

  function goal(banner) {
    var box = banner.querySelector('.ask-goal');
    if (!box || !window.fetch) return;
    fetch(cfg.getAttribute('data-goal')).then(function (r) { return r.ok ? r.json() : null; }).then(function (g) {
      if (!g || !(g.goal > 0)) return;
      var f = new Intl.NumberFormat(document.documentElement.lang, { style: 'currency', currency: g.currency }),
        unit = Math.pow(10, f.resolvedOptions().maximumFractionDigits), text = box.querySelector('[data-goal-text]'),
        args = [f.format(g.raised / unit), f.format(g.goal / unit), Math.round(g.percent)];
      box.querySelector('progress').value = Math.min(100, g.percent);
      text.textContent = text.getAttribute('data-goal-text').replace(/\{(\d)\}/g, function (m, i) { return args[i]; });
      box.setAttribute('data-ready', '');
    }).catch(function () { /* no goal shown */ });
  }

  if (s.donated) {
    var thanks = document.querySelector('template[data-ask-kind="thanks"]');
    if (thanks && !placed(thanks)) place(thanks);
    return;
  }
  if (s.remindUntil > now || /^\/([a-z]{2}\/)?support(\/|$)/.test(location.pathname)) return;
  show('notice');
  if (!(s.bannerUntil > now)) {
    var banner = show('banner');
    if (banner) {
      goal(banner);
      banner.querySelector('[data-ask-dismiss]').addEventListener('click', function () {
        s.bannerUntil = Date.now() + days('dismiss');
        save();
        banner.remove();
      });
    }
  }
  show('story');
  if (s.views > 1 && !(now - (s.modalAt || 0) < days('every'))) openModal(null);
})();
