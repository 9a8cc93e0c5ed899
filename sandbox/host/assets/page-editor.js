/*
 * The sandbox's Confluence page editor (/wiki/spaces/KEY/pages/edit-v2/ID): "Insert macro" offers the app's
 * "SMS readiness" macro; inserting it saves the page with the macro and opens its configuration (manifest
 * `config.openOnInsert`); "Edit" on a macro opens the configuration again. The configuration is the app's own
 * resource framed with entryPoint=config; its view.submit({ config }) reaches this page (bridge-client.js), which
 * accepts it only from the configuration frame it opened, saves it into the macro's node as the signed-in user,
 * closes the frame and shows the page again with the macro re-rendered.
 */
(function () {
  'use strict';
  var pageId = document.body.getAttribute('data-page-id');
  var browser = document.getElementById('macro-browser');
  var configDialog = document.getElementById('macro-config');
  var frameHolder = document.getElementById('macro-config-frame');
  var openBrowser = document.getElementById('open-macro-browser');
  var configFrame = null;
  var configLocalId = null;
  var returnFocus = null;

  function editorUrl() {
    return window.location.pathname;
  }

  function request(method, url, body) {
    return fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body || {}),
    }).then(function (res) {
      return res.json().then(function (data) {
        if (!res.ok || !data || !data.ok) throw new Error((data && data.message) || 'HTTP ' + res.status);
        return data;
      });
    });
  }

  function openConfig(localId, opener) {
    if (!configDialog || !frameHolder) return;
    configLocalId = localId;
    returnFocus = opener || null;
    var params = new URLSearchParams({ moduleKey: 'sms-readiness', contentId: pageId, localId: localId, entryPoint: 'config' });
    configFrame = document.createElement('iframe');
    configFrame.setAttribute('title', 'SMS readiness configuration');
    configFrame.setAttribute('src', '/static-macro/index.html?' + params.toString());
    frameHolder.replaceChildren(configFrame);
    configDialog.showModal();
  }

  function closeConfig() {
    if (!configDialog) return;
    configFrame = null;
    configLocalId = null;
    if (frameHolder) frameHolder.replaceChildren();
    if (configDialog.open) configDialog.close();
    var params = new URLSearchParams(window.location.search);
    if (params.has('configure')) window.history.replaceState(null, '', editorUrl());
    if (returnFocus) returnFocus.focus();
  }

  if (configDialog) configDialog.addEventListener('close', function () { if (configFrame) closeConfig(); });

  document.querySelectorAll('[data-close-dialog]').forEach(function (button) {
    button.addEventListener('click', function () {
      var dialog = button.closest('dialog');
      if (dialog === configDialog) closeConfig();
      else if (dialog) dialog.close();
    });
  });

  if (openBrowser && browser) {
    openBrowser.addEventListener('click', function () { browser.showModal(); });
  }

  var insert = document.getElementById('insert-readiness');
  if (insert) {
    insert.addEventListener('click', function () {
      insert.disabled = true;
      request('POST', '/__host/confluence/pages/' + encodeURIComponent(pageId) + '/macros').then(
        function (data) {
          // The page now holds the macro: show it, with its configuration open (openOnInsert).
          window.location.assign(editorUrl() + '?configure=' + encodeURIComponent(data.localId));
        },
        function (err) {
          insert.disabled = false;
          if (browser) browser.close();
          var message = document.getElementById('editor-message');
          if (message) message.textContent = 'The macro could not be inserted: ' + err.message;
        },
      );
    });
  }

  document.querySelectorAll('button.edit-macro').forEach(function (button) {
    button.addEventListener('click', function () { openConfig(button.getAttribute('data-local-id'), button); });
  });

  // view.submit / view.close from the configuration frame (and from no other frame).
  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin) return;
    var data = event.data;
    if (!data || (data.type !== 'sandbox:macro-submit' && data.type !== 'sandbox:macro-close')) return;
    if (!configFrame || event.source !== configFrame.contentWindow) return;
    var source = event.source;
    var reply = function (ok, message) { source.postMessage({ type: 'sandbox:macro-reply', id: data.id, ok: ok, message: message }, window.location.origin); };
    if (data.type === 'sandbox:macro-close') {
      reply(true);
      closeConfig();
      return;
    }
    var url = '/__host/confluence/pages/' + encodeURIComponent(pageId) + '/macros/' + encodeURIComponent(configLocalId) + '/config';
    request('PUT', url, data.payload).then(
      function () {
        reply(true);
        closeConfig();
        // The page again, its macro framed anew with the stored configuration.
        window.location.replace(editorUrl());
      },
      function (err) { reply(false, err.message); },
    );
  });

  var configure = new URLSearchParams(window.location.search).get('configure');
  if (configure) openConfig(configure, null);
})();
