/* Installed by Steward's cookie scanner in every frame before the page's own scripts run. It notes who writes a
   cookie or a storage key (the first script address on the call stack) and changes nothing for the page. */
(function () {
  function note(kind, name) {
    var stack = (new Error().stack || '').split('\n'), source = '', m, i;
    for (i = 1; i < stack.length && !source; i++) {
      m = /(https?:\/\/[^\s)]+?):\d+:\d+/.exec(stack[i]);
      if (m) source = m[1];
    }
    try { window.__stewardScanNote(kind, String(name), source || location.href); } catch (e) { /* removed by the page */ }
  }
  var cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    enumerable: cookie.enumerable,
    get: function () { return cookie.get.call(this); },
    set: function (v) { note('cookie', String(v).split(';')[0].split('=')[0].trim()); cookie.set.call(this, v); }
  });
  var setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key) {
    var area = 'session';
    try { if (this === window.localStorage) area = 'local'; } catch (e) { /* storage switched off */ }
    note(area, key);
    return setItem.apply(this, arguments);
  };
  if (window.CookieStore) {
    var set = CookieStore.prototype.set;
    CookieStore.prototype.set = function (c) {
      note('cookie', typeof c === 'string' ? c : c && c.name);
      return set.apply(this, arguments);
    };
  }
})();
