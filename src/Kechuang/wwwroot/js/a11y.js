// Mends what AntDesign Blazor 1.6.2 renders for every page and no page's markup can reach.
// - Every <Icon> is a <span role="img"> with no accessible name, and Icon takes no aria attributes, so
//   also the icons AntDesign draws itself (pagination and select arrows, table sorters, the sider's
//   collapse trigger). An unnamed image tells a screen reader nothing: such icons are hidden from it, and
//   the button or link around an icon carries the words. Icons given a name (aria-label) stay.
// - The pagination's previous/next buttons hold only an icon, and their items say aria-disabled="prevDisabled"
//   (the literal text, not true/false): the buttons take their item's title (上一页/下一页) as their name and
//   aria-disabled says true or false.
// - A Select's search box has role="combobox" but no aria-expanded, and its form label points at the
//   Select's id while the box has id "<id>_list": the box says whether its list is open (the Select's
//   ant-select-open class) and takes its form item's label as its name. A Select outside a form item
//   (a list filter) still needs a name from its page; a table pagination's page-size Select, which no page
//   renders itself, is named 每页条数.
// - A FormItem's <label> has no "for", so it names no control (an input without a placeholder has no name at
//   all) and a click on it focuses nothing: the label is bound to the item's first control with an id, as a
//   <label for> written by hand would be.
// - A closable Alert's close button holds only an icon: it is named 关闭 (Close on an English page), as
//   AntDesign names its modal's close button.
// - A range picker's separator is a <span aria-label="to"> with no role: it is decoration, hidden.
// - A table wider than its card scrolls inside it (app.css); a keyboard user can only scroll what takes
//   focus, so such a table's scroll box joins the tab order while, and only while, it scrolls.
// A local file: the CSP forbids inline scripts.
(function () {
  'use strict';

  var unnamed = 'span.anticon[role="img"]:not([aria-label]):not([aria-labelledby]):not([aria-hidden])';

  var pagerItems = 'li.ant-pagination-prev, li.ant-pagination-next, li.ant-pagination-jump-prev, li.ant-pagination-jump-next';

  function each(root, selector, action) {
    if (root.matches(selector)) {
      action(root);
    }
    root.querySelectorAll(selector).forEach(action);
  }

  function zh() {
    return (document.documentElement.lang || '').indexOf('zh') === 0;
  }

  function mendPagerItem(item) {
    var disabled = item.classList.contains('ant-pagination-disabled') ? 'true' : 'false';
    if (item.hasAttribute('aria-disabled') && item.getAttribute('aria-disabled') !== disabled) {
      item.setAttribute('aria-disabled', disabled);
    }
    var button = item.querySelector('button, a');
    if (button && !button.hasAttribute('aria-label') && item.title) {
      button.setAttribute('aria-label', item.title);
    }
  }

  function mendCombobox(input) {
    var select = input.closest('.ant-select');
    if (select) {
      var open = select.classList.contains('ant-select-open') ? 'true' : 'false';
      if (input.getAttribute('aria-expanded') !== open) {
        input.setAttribute('aria-expanded', open);
      }
    }
    if (input.hasAttribute('aria-label') || input.hasAttribute('aria-labelledby') || (input.labels && input.labels.length)) {
      return;
    }
    if (input.closest('.ant-pagination-options')) {
      input.setAttribute('aria-label', zh() ? '每页条数' : 'Rows per page');
      return;
    }
    var item = input.closest('.ant-form-item');
    var label = item && item.querySelector('.ant-form-item-label > label');
    if (label) {
      if (!label.id) {
        label.id = (input.id || 'select') + '-label';
      }
      input.setAttribute('aria-labelledby', label.id);
    }
  }

  var labellable = 'input:not([type="hidden"]):not([role="combobox"]), textarea, select';

  function mendFormItem(item) {
    var label = item.querySelector('.ant-form-item-label > label');
    if (!label || label.htmlFor) {
      return;
    }
    var control = item.querySelector('.ant-form-item-control');
    var input = control && control.querySelector(labellable);
    if (input && input.id) {
      label.htmlFor = input.id;
    }
  }

  function mendAlertClose(button) {
    if (!button.hasAttribute('aria-label')) {
      button.setAttribute('aria-label', zh() ? '关闭' : 'Close');
    }
  }

  function mendScroller(box) {
    var scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls && !box.hasAttribute('tabindex')) {
      box.setAttribute('tabindex', '0');
      box.setAttribute('data-kc-scroll', '');
    } else if (!scrolls && box.hasAttribute('data-kc-scroll')) {
      box.removeAttribute('tabindex');
      box.removeAttribute('data-kc-scroll');
    }
  }

  function mendScrollers() {
    document.querySelectorAll('.ant-table-content').forEach(mendScroller);
  }

  function mend(root) {
    if (root.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    each(root, unnamed, function (icon) {
      icon.setAttribute('aria-hidden', 'true');
    });
    each(root, pagerItems, mendPagerItem);
    each(root, 'input[role="combobox"]', mendCombobox);
    each(root, '.ant-form-item', mendFormItem);
    each(root, 'button.ant-alert-close-icon', mendAlertClose);
    each(root, '.ant-picker-separator[aria-label]', function (separator) {
      separator.removeAttribute('aria-label');
      separator.setAttribute('aria-hidden', 'true');
    });
  }

  function start() {
    mend(document.body);
    var pending = false;
    new MutationObserver(function (mutations) {
      // Rows arrive after their table: measure the scroll boxes once the renderer's batch is done.
      if (!pending) {
        pending = true;
        requestAnimationFrame(function () {
          pending = false;
          mendScrollers();
        });
      }
      mutations.forEach(function (mutation) {
        if (mutation.type === 'attributes') {
          // Paging to the first or last page moves the disabled class between the arrows.
          if (mutation.target.matches(pagerItems)) {
            mendPagerItem(mutation.target);
          } else if (mutation.target.matches('.ant-select')) {
            mutation.target.querySelectorAll('input[role="combobox"]').forEach(mendCombobox);
          }
        } else {
          mutation.addedNodes.forEach(mend);
        }
      });
    }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
    window.addEventListener('resize', mendScrollers);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
