/*
 * The sandbox's stand-in for the Forge bridge inside the Custom UI iframe. The server puts this script in
 * <head> of the served index.html, before the app's module script, so `window.__bridge.callBridge` exists
 * before @forge/bridge loads (it looks the bridge up at import time).
 * Handled: invoke, getContext (from the context the server wrote into the page, else asked for; the colour mode too), enableTheming, navigate (router.navigate/open), getUrl, reload, createHistory
 * (view.createHistory over the host page's URL), submit and close (a macro's configuration frame only: the page
 * editor that opened it saves and closes it), plus the small no-ops an app may call at start. Who the user is
 * comes from the host's cookie, read by the server.
 */
(function () {
  'use strict';
  var params = new URLSearchParams(window.location.search);
  var frame = {
    moduleKey: params.get('moduleKey') || '',
    projectKey: params.get('projectKey') || '',
    issueKey: params.get('issueKey') || undefined,
    // A Confluence macro frame: the page and the macro node (the server reads the macro's configuration from the page).
    contentId: params.get('contentId') || undefined,
    localId: params.get('localId') || undefined,
    // The macro's configuration frame (the page editor frames it so): the only frame that may submit or close.
    entryPoint: params.get('entryPoint') === 'config' ? 'config' : undefined,
  };
  // The host URL the module lives at (Jira: /jira/software/projects/KEY/apps/{appId}/{envId}); subpages add /{route}.
  var historyBase = params.get('historyBase') || '';
  var THEME_ATTR = 'dark:dark light:light shape:shape spacing:spacing typography:typography';
  var root = document.documentElement;
  var themingEnabled = false;
  var themeCssLoaded = null;

  function readCookie(name) {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i += 1) {
      var eq = parts[i].indexOf('=');
      if (parts[i].slice(0, eq) === name) return decodeURIComponent(parts[i].slice(eq + 1));
    }
    return null;
  }

  // The context the host wrote into the page when it framed us (bridge-routes.ts frameViewContext), if it could.
  var contextElement = document.getElementById('sandbox-view-context');
  var knownContext = contextElement ? JSON.parse(contextElement.textContent || 'null') : null;
  // The host says the colour mode in that context, as Forge's host does (a Forge frame cannot read the host's
  // cookies); a frame the host could not build a context for falls back to the theme cookie.
  var colorMode = knownContext && knownContext.theme
    ? (knownContext.theme.colorMode === 'dark' ? 'dark' : 'light')
    : (readCookie('sandbox-theme') === 'dark' ? 'dark' : 'light');

  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (res) {
      return res.text().then(function (text) {
        var data = text ? JSON.parse(text) : undefined;
        if (!res.ok) {
          var message = data && data.error && data.error.message ? data.error.message : 'HTTP ' + res.status;
          var failure = new Error('The resolver call failed: ' + message);
          // A Forge limit the invoke broke (payload, answer size, time) carries its code (bridge-routes.ts).
          if (data && data.error && data.error.code) failure.code = data.error.code;
          throw failure;
        }
        return data;
      });
    });
  }

  function applyTheme() {
    if (!themingEnabled) return;
    root.setAttribute('data-theme', THEME_ATTR);
    root.setAttribute('data-color-mode', colorMode);
  }

  function loadThemeCss() {
    if (themeCssLoaded) return themeCssLoaded;
    themeCssLoaded = new Promise(function (resolve) {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/__bridge/theme.css';
      link.onload = function () { resolve(undefined); };
      link.onerror = function () { resolve(undefined); };
      document.head.insertBefore(link, document.head.firstChild);
    });
    return themeCssLoaded;
  }

  var projectKeyOf = function (issueKey) { return String(issueKey).split('-')[0]; };

  var MODULE_PATHS = {
    // The host redirects this short link to Jira's URL for the project page (/apps/{appId}/{envId}).
    'sms-navigator-project-page': function (p) { return '/jira/software/projects/' + encodeURIComponent(p) + '/apps/sms-navigator'; },
    'sms-navigator-project-settings': function (p) { return '/plugins/servlet/project-config/' + encodeURIComponent(p) + '/apps/sms-navigator'; },
  };

  function urlFor(location) {
    if (!location || typeof location !== 'object') throw new Error('A navigation needs a URL or a target.');
    if (typeof location.url === 'string') return location.url;
    switch (location.target) {
      case 'issue':
        return '/browse/' + encodeURIComponent(location.issueKey);
      case 'contentView':
        return '/wiki/pages/viewpage.action?pageId=' + encodeURIComponent(location.contentId);
      case 'spaceView':
        return '/wiki/spaces/' + encodeURIComponent(location.spaceKey) + '/overview';
      case 'projectSettingsDetails':
        return MODULE_PATHS['sms-navigator-project-settings'](location.projectKey || frame.projectKey);
      case 'module': {
        var make = MODULE_PATHS[location.moduleKey];
        if (!make) throw new Error('The sandbox cannot open module ' + location.moduleKey + '.');
        return make(location.projectKey || frame.projectKey || projectKeyOf(frame.issueKey));
      }
      default:
        throw new Error('The sandbox cannot navigate to target ' + location.target + '.');
    }
  }

  var topWindow = function () { try { return window.top || window; } catch { return window; } };

  /*
   * view.createHistory(): a history object (the `history` v4 API @forge/bridge types it with) whose paths are
   * relative to the module's URL, as in Jira: location.pathname is '/' on the module itself and '/scope' on its
   * subpage 'scope'. push/replace change the host page's URL (the host's sidebar follows); the host's own
   * navigations (a sidebar link, back/forward) reach the listeners. A reload or deep link starts on the URL given.
   */
  function createHistory() {
    var top = topWindow();
    var base = historyBase || top.location.pathname.replace(/\/$/, '');
    var listeners = [];
    var keyCount = 0;

    function appLocation() {
      var loc = top.location;
      var path = loc.pathname;
      var rest = path.indexOf(base) === 0 ? path.slice(base.length) : path;
      var state = top.history.state && typeof top.history.state === 'object' ? top.history.state.appState : undefined;
      return { pathname: rest === '' ? '/' : rest, search: loc.search, hash: loc.hash, state: state, key: 'k' + keyCount };
    }

    function parse(to) {
      if (typeof to === 'string') {
        var u = new URL(to, 'http://app.invalid' + (appLocation().pathname));
        return { pathname: u.pathname, search: u.search, hash: u.hash };
      }
      if (to && typeof to === 'object') {
        return { pathname: to.pathname || appLocation().pathname, search: to.search || '', hash: to.hash || '' };
      }
      throw new Error('history.push/replace needs a path or a location.');
    }

    function href(to) {
      var loc = parse(to);
      return base + (loc.pathname === '/' ? '' : loc.pathname) + (loc.search || '') + (loc.hash || '');
    }

    function notify(action) {
      keyCount += 1;
      var loc = appLocation();
      history.location = loc;
      history.action = action;
      history.length = top.history.length;
      listeners.slice().forEach(function (l) { l(loc, action); });
    }

    function change(to, state, replace) {
      var appState = state !== undefined ? state : (to && typeof to === 'object' ? to.state : undefined);
      top.history[replace ? 'replaceState' : 'pushState']({ appState: appState }, '', href(to));
      // Tell the host page (its sidebar marks the current subpage), then the app's listeners.
      top.dispatchEvent(new top.CustomEvent('sandbox:locationchange'));
      notify(replace ? 'REPLACE' : 'PUSH');
    }

    var history = {
      action: 'POP',
      location: appLocation(),
      length: top.history.length,
      push: function (to, state) { change(to, state, false); },
      replace: function (to, state) { change(to, state, true); },
      go: function (n) { top.history.go(n); },
      goBack: function () { top.history.back(); },
      goForward: function () { top.history.forward(); },
      back: function () { top.history.back(); },
      forward: function () { top.history.forward(); },
      block: function () { return function () { return undefined; }; },
      createHref: function (to) { return href(to); },
      listen: function (listener) {
        listeners.push(listener);
        return function () { listeners = listeners.filter(function (l) { return l !== listener; }); };
      },
    };
    // Back/forward, and a subpage chosen in the host's sidebar (which pushes the host URL itself).
    top.addEventListener('popstate', function () { notify('POP'); });
    top.addEventListener('sandbox:navigate', function () { notify('PUSH'); });
    return history;
  }

  /*
   * A question to the host page that framed us (the Confluence page editor), answered by a 'sandbox:macro-reply'
   * with the same id. The editor only answers its own configuration frame.
   */
  var askCount = 0;
  function askParent(type, payload) {
    if (window.parent === window) return Promise.resolve(false);
    askCount += 1;
    var id = 'ask-' + askCount;
    return new Promise(function (resolve, reject) {
      function onReply(event) {
        var data = event.data;
        if (event.origin !== window.location.origin || event.source !== window.parent) return;
        if (!data || data.type !== 'sandbox:macro-reply' || data.id !== id) return;
        window.removeEventListener('message', onReply);
        if (data.ok) resolve(true);
        else reject(new Error(data.message || 'The page editor refused the change.'));
      }
      window.addEventListener('message', onReply);
      window.parent.postMessage({ type: type, id: id, payload: payload }, window.location.origin);
    });
  }

  var isPlainObject = function (v) { return v !== null && typeof v === 'object' && !Array.isArray(v); };

  var handlers = {
    // view.submit({ config }): only the configuration frame can submit (elsewhere @forge/bridge reports "this
    // resource's view is not submittable"); the config must be an object, as Forge requires.
    submit: function (p) {
      if (frame.entryPoint !== 'config') return false;
      if (!isPlainObject(p) || !isPlainObject(p.config)) throw new Error('view.submit(): Invalid "config" provided. Expected object');
      return askParent('sandbox:macro-submit', { config: p.config });
    },
    // view.close(): closes the configuration without saving; no other frame of a macro can be closed.
    close: function () {
      if (frame.entryPoint !== 'config') return false;
      return askParent('sandbox:macro-close', undefined);
    },
    invoke: function (p) {
      return post('/bridge/invoke', {
        functionKey: p.functionKey,
        payload: p.payload,
        moduleKey: frame.moduleKey,
        projectKey: frame.projectKey,
        issueKey: frame.issueKey,
        contentId: frame.contentId,
        localId: frame.localId,
      });
    },
    // The host knew the frame's context when it framed it (the server wrote it into the page, as Jira answers
    // from memory); without it, ask the server, which answers the context or a typed error.
    getContext: function () {
      // A fresh copy each time: what the app does with one answer never changes the next.
      var ask = knownContext ? Promise.resolve(JSON.parse(contextElement.textContent || 'null')) : post('/bridge/context', frame);
      return ask.then(function (ctx) {
        ctx.theme = { colorMode: colorMode };
        return ctx;
      });
    },
    enableTheming: function () {
      themingEnabled = true;
      applyTheme();
      return loadThemeCss();
    },
    navigate: function (p) {
      var url = urlFor(p);
      if (p.type === 'new-tab') window.open(url, '_blank', 'noopener');
      else topWindow().location.assign(url);
    },
    getUrl: function (p) { return new URL(urlFor(p), window.location.origin).href; },
    reload: function () { topWindow().location.reload(); },
    createHistory: function () { return createHistory(); },
    changeWindowTitle: function (p) { if (p && p.title) topWindow().document.title = p.title; },
    emitReadyEvent: function () { return undefined; },
    showFlag: function (p) { console.info('[sandbox flag]', p); return undefined; },
    closeFlag: function () { return undefined; },
    initFeatureFlags: function () { return {}; },
    emitFrontendCustomMetric: function () { return undefined; },
  };

  window.__bridge = {
    callBridge: function (name, payload) {
      var handler = handlers[name];
      if (!handler) return Promise.reject(new Error('The sandbox bridge does not support "' + name + '".'));
      try {
        return Promise.resolve(handler(payload));
      } catch (err) {
        return Promise.reject(err);
      }
    },
  };

  // The host page tells the frame when its theme toggle changes.
  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin) return;
    var data = event.data;
    if (data && data.type === 'sandbox:theme' && (data.colorMode === 'light' || data.colorMode === 'dark')) {
      colorMode = data.colorMode;
      applyTheme();
    }
  });

  // Like Jira, size the frame to its content.
  function reportHeight() {
    if (window.parent === window) return;
    // Measure the content, not <body>: css-reset stretches body to the frame, which would only grow.
    var height = 0;
    var children = document.body.children;
    for (var i = 0; i < children.length; i += 1) {
      var rect = children[i].getBoundingClientRect();
      if (rect.height > 0) height = Math.max(height, rect.bottom + window.scrollY);
    }
    height = Math.ceil(height);
    window.parent.postMessage({ type: 'sandbox:resize', height: height }, window.location.origin);
  }
  window.addEventListener('load', function () {
    reportHeight();
    if (typeof ResizeObserver === 'function') {
      var observer = new ResizeObserver(reportHeight);
      observer.observe(document.body);
      var root = document.getElementById('root');
      if (root) observer.observe(root);
    }
  });
})();
