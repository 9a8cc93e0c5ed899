/* Host page behaviour: auto-submit the user switcher, the light/dark toggle (cookie + tell each app frame),
   and sizing app frames to their content like Jira does. */
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');

  var select = document.getElementById('sandbox-user');
  if (select && select.form) {
    select.addEventListener('change', function () { select.form.submit(); });
  }

  function frames() { return Array.prototype.slice.call(document.querySelectorAll('iframe.app-frame')); }

  function tellFrames(mode) {
    frames().forEach(function (f) {
      if (f.contentWindow) f.contentWindow.postMessage({ type: 'sandbox:theme', colorMode: mode }, window.location.origin);
    });
  }

  var toggle = document.getElementById('theme-toggle');
  if (toggle) {
    toggle.addEventListener('click', function () {
      var mode = root.getAttribute('data-color-mode') === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-color-mode', mode);
      toggle.setAttribute('aria-pressed', mode === 'dark' ? 'true' : 'false');
      document.cookie = 'sandbox-theme=' + mode + '; Path=/; Max-Age=31536000; SameSite=Lax';
      tellFrames(mode);
    });
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin) return;
    var data = event.data;
    if (!data || data.type !== 'sandbox:resize' || typeof data.height !== 'number') return;
    frames().forEach(function (f) {
      if (f.contentWindow !== event.source) return;
      var min = Number(f.getAttribute('data-min-height')) || 200;
      f.style.height = Math.max(min, Math.ceil(data.height) + 16) + 'px';
    });
  });
})();
