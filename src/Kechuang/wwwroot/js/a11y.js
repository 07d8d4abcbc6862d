// AntDesign Blazor 1.6.2 renders every <Icon> as <span role="img"> with no accessible name and takes no
// aria attributes from the page, including the icons it draws itself (pagination arrows, select arrows,
// table sorters, the sider's collapse trigger). An unnamed image tells a screen reader nothing, so such
// icons are hidden from it; the button or link around an icon carries the words. Icons given a name
// (aria-label) stay visible to assistive technology. A local file: the CSP forbids inline scripts.
(function () {
  'use strict';

  var unnamed = 'span.anticon[role="img"]:not([aria-label]):not([aria-labelledby]):not([aria-hidden])';

  function hideUnnamedIcons(root) {
    if (root.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    if (root.matches(unnamed)) {
      root.setAttribute('aria-hidden', 'true');
    }
    root.querySelectorAll(unnamed).forEach(function (icon) {
      icon.setAttribute('aria-hidden', 'true');
    });
  }

  function start() {
    hideUnnamedIcons(document.body);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(hideUnnamedIcons);
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
