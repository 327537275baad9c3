/* Steward's cookie banner. The configuration below is generated from the site's catalog for this visitor's
   jurisdiction and language; nothing else here is site-specific. Served as written: no build step, no framework. */
(function () {
  'use strict';
  var C = __STEWARD_CONFIG__;
  var d = document, w = window;
  // a text's language where it is not the banner's; no prototype, so that no text reads as one of Object's names
  var cats = C.categories, T = C.texts, L = Object.assign(Object.create(null), C.langs);
  // Global Privacy Control: the header on the script's request, or the browser's own flag
  var gpc = C.gpc || navigator.globalPrivacyControl === true;
  var stored = read();
  var valid = stored && stored.c && stored.r === C.revision && Date.now() - stored.t < C.expires;
  var cur = {}, dlg, boxes = {}, opener;

  function blocked(c) { return gpc && c.soldOrShared; }

  // what holds before any choice: opt-in categories off, opt-out ones on unless GPC objects
  cats.forEach(function (c) {
    cur[c.key] = c.necessary || (valid ? !!stored.c[c.key] : !c.optIn) && !blocked(c);
  });

  function read() {
    var m = d.cookie.match(new RegExp('(?:^|; )' + C.cookie + '=([^;]*)'));
    try { return m && JSON.parse(decodeURIComponent(m[1])); } catch (e) { return null; }
  }

  function save(s) {
    d.cookie = C.cookie + '=' + encodeURIComponent(JSON.stringify(s)) + ';Max-Age=' + Math.floor(C.expires / 1000) +
      ';path=/;SameSite=Lax' + (location.protocol === 'https:' ? ';Secure' : '');
  }

  // Google Consent Mode v2: a default before any tag runs, an update after each choice
  function consentMode(command) {
    var state = {}, any;
    cats.forEach(function (c) {
      c.consentMode.forEach(function (t) { state[t] = cur[c.key] ? 'granted' : 'denied'; any = 1; });
    });
    if (!any) return;
    w.dataLayer = w.dataLayer || [];
    (w.gtag || function () { w.dataLayer.push(arguments); })('consent', command, state);
  }

  function allowed(el) {
    return el.getAttribute('data-category').split(/\s+/).every(function (k) { return cur[k]; });
  }

  // Run what was held back, in document order: an external script finishes loading before the next one starts.
  function activate() {
    var list = [].filter.call(d.querySelectorAll('script[type="text/plain"][data-category],[data-src][data-category]'), allowed);
    (function next() {
      var el = list.shift(), s;
      if (!el) return;
      if (el.tagName !== 'SCRIPT') {
        el.setAttribute('src', el.getAttribute('data-src'));
        el.removeAttribute('data-src');
        return next();
      }
      s = d.createElement('script');
      [].forEach.call(el.attributes, function (a) {
        if (a.name !== 'type' && a.name !== 'data-type') s.setAttribute(a.name, a.value);
      });
      if (el.getAttribute('data-type')) s.type = el.getAttribute('data-type');
      // under a strict Content-Security-Policy an inline script runs only with the page's nonce
      if (el.nonce) s.nonce = el.nonce;
      if (el.src) {
        s.async = false;
        s.onload = s.onerror = next;
        el.parentNode.replaceChild(s, el);
      } else {
        s.text = el.text;
        el.parentNode.replaceChild(s, el);
        next();
      }
    })();
  }

  // Delete what a refused category left that this page can reach: its cookies on this host and the domains above
  // it, and its local storage. A trailing * in a catalog name matches every name starting so.
  function wipe(c) {
    var host = location.hostname.split('.');
    c.names.forEach(function (n) {
      var prefix = n.slice(-1) === '*' && n.slice(0, -1);
      d.cookie.split('; ').forEach(function (kv) {
        var k = kv.split('=')[0];
        if (k === n || prefix && k.indexOf(prefix) === 0) {
          for (var i = 0; i < host.length; i++) {
            d.cookie = k + '=;Max-Age=0;path=/' + (i ? ';domain=.' + host.slice(i - 1).join('.') : '');
          }
        }
      });
      try { localStorage.removeItem(n); } catch (e) { /* storage may be off */ }
    });
  }

  function apply(choice) {
    cats.forEach(function (c) { if (!cur[c.key]) wipe(c); });
    activate();
    w.stewardConsent.categories = Object.assign({}, cur);
    w.dispatchEvent(new CustomEvent('steward:consent', {
      detail: { categories: Object.assign({}, cur), choice: choice, gpc: gpc, version: C.version }
    }));
  }

  function h(tag, props, kids) {
    var el = d.createElement(tag);
    for (var k in props) if (props[k] != null) k in el && k !== 'for' ? el[k] = props[k] : el.setAttribute(k, props[k]);
    (kids || []).forEach(function (kid) { if (kid) el.append(kid); });
    return el;
  }

  function button(text, onclick, hidden) {
    return text && h('button', { type: 'button', className: 'stw-btn', textContent: text, lang: L[text], onclick: onclick, hidden: hidden });
  }

  function category(c) {
    var id = 'stw-' + c.key;
    var box = boxes[c.key] = h('input', {
      type: 'checkbox', id: id, checked: cur[c.key], disabled: c.necessary || blocked(c), 'aria-describedby': id + '-d'
    });
    return h('div', { className: 'stw-c' }, [
      box, h('label', { 'for': id, textContent: c.name, lang: L[c.name] }),
      c.necessary && h('span', { className: 'stw-on', textContent: T.alwaysOn, lang: L[T.alwaysOn] }),
      h('p', { id: id + '-d', textContent: c.description, lang: L[c.description] }),
      c.cookies.length && h('details', {}, [
        h('summary', { textContent: T.cookieList, lang: L[T.cookieList] }),
        h('ul', {}, c.cookies.map(function (k) {
          return h('li', {}, [k.provider + ': ', h('span', { textContent: k.purpose, lang: L[k.purpose] }), k.duration && ' (' + k.duration + ')']);
        }))
      ])
    ]);
  }

  function build() {
    var receipt = h('a', { className: 'stw-r', textContent: T.receiptLink, lang: L[T.receiptLink], hidden: !(stored && stored.i) });
    var list = h('div', { className: 'stw-cs', hidden: true }, cats.map(category));
    var choose = button(T.choose, function () { list.hidden = false; choose.hidden = true; saveBtn.hidden = false; list.querySelector('input:not([disabled])') && list.querySelector('input:not([disabled])').focus(); });
    var saveBtn = button(T.save, function () { decide('custom'); }, true);
    dlg = h('dialog', {
      className: 'stw', lang: C.lang, tabIndex: -1, 'aria-labelledby': 'stw-t', 'aria-describedby': 'stw-d'
    }, [
      h('h2', { id: 'stw-t', textContent: T.title, lang: L[T.title] }),
      h('p', { id: 'stw-d' }, [h('span', { textContent: T.description, lang: L[T.description] }), ' ', h('a', { href: C.policy, textContent: T.policyLink, lang: L[T.policyLink] })]),
      gpc && T.gpcHonoured && h('p', { className: 'stw-gpc', textContent: T.gpcHonoured, lang: L[T.gpcHonoured] }),
      list,
      h('div', { className: 'stw-b' }, [
        button(T.acceptAll, function () { decide('accept-all'); }),
        button(T.rejectAll, function () { decide('reject-all'); }),
        C.dns && button(T.doNotSellOrShare, function () { decide('do-not-sell'); }),
        choose, saveBtn
      ]),
      receipt
    ]);
    dlg.receipt = receipt;
    dlg.list = list;
    dlg.choose = choose;
    dlg.saveBtn = saveBtn;
    // Escape closes and keeps the previous choice; without one, nothing more runs and the banner asks on the next page
    dlg.addEventListener('cancel', function (e) { e.preventDefault(); close(); });
    dlg.addEventListener('keydown', function (e) { if (e.key === 'Escape') { e.preventDefault(); close(); } });
    d.body.append(dlg);
    showReceipt();
  }

  function showReceipt() {
    if (stored && stored.i) { dlg.receipt.href = C.receipts + stored.i; dlg.receipt.hidden = false; }
  }

  function open(settings) {
    if (!dlg) build();
    if (dlg.open) return;
    cats.forEach(function (c) { boxes[c.key].checked = cur[c.key]; });
    dlg.list.hidden = dlg.saveBtn.hidden = !settings;
    dlg.choose.hidden = !!settings;
    opener = d.activeElement;
    C.modal || settings ? dlg.showModal() : dlg.show();
    dlg.focus();
  }

  function close() {
    dlg.close();
    if (opener && opener.focus) opener.focus();
  }

  function decide(kind) {
    var answers = {};
    cats.forEach(function (c) {
      cur[c.key] = c.necessary || !blocked(c) && (kind === 'accept-all' || kind === 'custom' && boxes[c.key].checked ||
        kind === 'do-not-sell' && !c.soldOrShared && cur[c.key]);
      if (!c.necessary) answers[c.key] = cur[c.key];
    });
    stored = { r: C.revision, v: C.version, t: Date.now(), c: answers, k: stored && stored.k, i: stored && stored.i };
    save(stored);
    close();
    consentMode('update');
    apply(kind);
    prove(kind, answers);
  }

  // The proof: Steward appends the choice to its consent ledger and answers with the receipt's address.
  function prove(kind, answers) {
    fetch(C.api, {
      method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        version: C.version, hash: C.hash, jurisdiction: C.jurisdiction, language: C.lang, choice: kind,
        categories: answers, gpc: gpc, token: stored.k || undefined
      })
    }).then(function (r) { return r.ok ? r.json() : null; }).then(function (j) {
      if (!j) return;
      stored.k = j.token || stored.k;
      stored.i = j.choice;
      save(stored);
      showReceipt();
    }, function () { /* the choice holds in this browser; the next one is recorded again */ });
  }

  // A material change of the notice, told to a visitor who last saw an older version until they close it
  function announce() {
    var x = C.change, bar, seen = function () { stored.v = C.version; save(stored); bar.remove(); };
    if (!x || !stored || stored.v === C.version) return;
    bar = h('div', { className: 'stw-n', role: 'status' }, [
      h('strong', { textContent: x.title }),
      h('ul', {}, x.summary.map(function (s) { return h('li', { textContent: s }); })),
      h('a', { href: x.link, textContent: x.linkText, onclick: seen }), ' ', button(x.close, seen)
    ]);
    d.body.append(bar);
  }

  function start() {
    var ask = function () { w.stewardConsent.ready = true; if (!valid) open(false); }, link;
    d.addEventListener('click', function (e) {
      var t = e.target.closest && e.target.closest('[data-steward-settings]');
      if (t) { e.preventDefault(); open(true); }
    });
    apply(null);
    announce();
    // the strict variant links the style sheet (no inline style) and shows the banner once it is there
    if (C.styleSheet) {
      link = h('link', { rel: 'stylesheet', href: C.styleSheet, onload: ask, onerror: ask });
      d.head.append(link);
    } else {
      d.head.append(h('style', { textContent: C.style }));
      ask();
    }
  }

  w.stewardConsent = { categories: {}, show: function () { open(true); }, granted: function (k) { return !!cur[k]; } };
  consentMode('default');
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', start); else start();
})();
