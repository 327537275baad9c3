/* A message's HTML frame inside a <details> (the mailbox's messages, a campaign's tracked preview) loads its address
   only when opened. In the mailbox each load is a read of a person's message, audited as such: a page of 50 messages
   must not read all 50 by being shown. Chromium loads a lazy frame inside a closed <details> at once, so
   loading="lazy" does not do this. */
(function () {
  document.querySelectorAll('details iframe[data-src]').forEach(function (frame) {
    var details = frame.closest('details');
    function open() {
      if (details.open && !frame.getAttribute('src')) frame.setAttribute('src', frame.getAttribute('data-src'));
    }
    details.addEventListener('toggle', open);
    open();
  });
})();
