/*
 * The sandbox's Confluence page view and editor: like Confluence, a macro's frame takes the height of its content
 * (the bridge stand-in in the frame reports it with a 'sandbox:resize' message).
 */
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== window.location.origin || !data || data.type !== 'sandbox:resize' || !(data.height > 0)) return;
    document.querySelectorAll('iframe.forge-macro').forEach(function (frame) {
      if (frame.contentWindow === event.source) frame.style.height = Math.ceil(data.height) + 'px';
    });
  });
})();
