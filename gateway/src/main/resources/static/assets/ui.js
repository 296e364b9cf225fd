// imarchive reviewers' UI: the keyboard. No inline script anywhere (the Content-Security-Policy forbids it); every
// shortcut is declared in the page by aria-keyshortcuts, which screen readers announce, and this file only acts on it.
(function () {
  'use strict';

  function typing(element) {
    if (!element) {
      return false;
    }
    var tag = element.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || element.isContentEditable;
  }

  function visible(element) {
    return element.offsetParent !== null || element.getClientRects().length > 0;
  }

  // The element declaring this single-key shortcut: a text field gets the focus, anything else is clicked (a link
  // followed, a decision button submitting its form, which first checks that the comment is filled in).
  function declaredFor(key) {
    var candidates = document.querySelectorAll('[aria-keyshortcuts]');
    for (var i = 0; i < candidates.length; i++) {
      var keys = candidates[i].getAttribute('aria-keyshortcuts').split(' ');
      if (keys.indexOf(key) >= 0 && !candidates[i].hasAttribute('data-roving') && visible(candidates[i])) {
        return candidates[i];
      }
    }
    return null;
  }

  // In a list declaring j/k (the queue), the keys move the focus from row to row; Enter then opens the focused row.
  function rove(list, step) {
    var links = Array.prototype.slice.call(list.querySelectorAll('a.row-link'));
    if (links.length === 0) {
      return false;
    }
    var at = links.indexOf(document.activeElement);
    var next = at < 0 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + step));
    links[next].focus();
    return true;
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.key === 'Escape' && typing(document.activeElement)) {
      document.activeElement.blur();
      return;
    }
    if (typing(event.target)) {
      return;
    }
    var list = document.querySelector('[data-roving]');
    if (list && (event.key === 'j' || event.key === 'k')) {
      if (rove(list, event.key === 'j' ? 1 : -1)) {
        event.preventDefault();
      }
      return;
    }
    if (event.key === '/') {
      var search = document.querySelector('[data-search]');
      if (search) {
        event.preventDefault();
        search.focus();
        search.select();
        return;
      }
    }
    var target = declaredFor(event.key);
    if (!target) {
      return;
    }
    event.preventDefault();
    if (typing(target)) {
      target.focus();
    } else {
      target.click();
    }
  });
}());
