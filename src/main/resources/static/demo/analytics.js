/* A stand-in for a web analytics script on Steward's demo pages: it counts visits in the first-party cookie the
   catalog declares for traffic analysis. The page holds it back (type="text/plain") until the visitor allows it. */
(function () {
  var name = document.currentScript.getAttribute('data-cookie');
  var seen = document.cookie.match(new RegExp('(?:^|; )' + name + '=(\\d+)'));
  var visits = (seen ? Number(seen[1]) : 0) + 1;
  document.cookie = name + '=' + visits + ';Max-Age=31536000;path=/;SameSite=Lax';
  window.stewardDemoAnalytics = visits;
  var out = document.getElementById('demo-analytics');
  // the page gives the words in its language, '#' standing for the count
  if (out) out.textContent = document.currentScript.getAttribute('data-running').replace('#', visits);
})();
