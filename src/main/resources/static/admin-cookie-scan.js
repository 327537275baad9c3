/* The cookie scan page while a scan runs: asks for its progress every three seconds and shows it in the status
   region; once the scan is over, loads the page again with the report. */
(function () {
  var status = document.getElementById('scan-status');
  var out = document.getElementById('scan-progress');
  var url = status && status.getAttribute('data-progress');
  if (!url) return;
  function ask() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (scan) {
        if (!scan) return;
        if (!scan.running) { location.reload(); return; }
        out.textContent = scan.progress;
        setTimeout(ask, 3000);
      }, function () { setTimeout(ask, 3000); });
  }
  setTimeout(ask, 3000);
})();
