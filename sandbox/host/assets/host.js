/* Host page behaviour: auto-submit the user switcher, the light/dark toggle (cookie + tell each app frame),
   sizing app frames to their content like Jira does, and the app's subpages in the project sidebar: like Jira,
   choosing one only changes the URL (no reload) and the app, which routes with view.createHistory(), follows. */
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

  // Subpage links of the app (data-app-route): change the URL without a reload and tell the app's history.
  var subpageLinks = Array.prototype.slice.call(document.querySelectorAll('a[data-app-route]'));
  var baseTitle = document.title.replace(/^[^-]+ - (?=SMS Navigator - )/, '');

  function markCurrentSubpage() {
    var current = null;
    subpageLinks.forEach(function (a) {
      if (new URL(a.href, window.location.href).pathname === window.location.pathname) current = a;
    });
    var group = document.querySelector('[data-app-base]');
    if (!current && group && window.location.pathname.replace(/\/$/, '') === group.getAttribute('data-app-base')) current = subpageLinks[0] || null;
    subpageLinks.forEach(function (a) {
      if (a === current) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    document.title = current ? current.textContent + ' - ' + baseTitle : baseTitle;
  }

  if (frames().length > 0) {
    subpageLinks.forEach(function (a) {
      a.addEventListener('click', function (event) {
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        if (new URL(a.href).pathname !== window.location.pathname) window.history.pushState({}, '', a.href);
        markCurrentSubpage();
        window.dispatchEvent(new CustomEvent('sandbox:navigate'));
      });
    });
    window.addEventListener('popstate', markCurrentSubpage);
    window.addEventListener('sandbox:locationchange', markCurrentSubpage);
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
