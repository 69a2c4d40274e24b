/* Wagtail titles every "+" of a block list "Add" or "Insert a block", so two of them a few
   pixels apart (a statement, a column) cannot be told apart. A list that says what it adds
   (form_attrs = {"data-add-label": …} in blocks.py) gives its own buttons that name, as the
   accessible name, the tooltip and a visible label. Buttons are created as blocks are
   added, so new ones are labelled as they appear. */
(function () {
  'use strict';

  function labelAddButtons() {
    document.querySelectorAll('[data-add-label] .c-sf-add-button').forEach(function (button) {
      var list = button.closest('[data-add-label]');
      var label = list.getAttribute('data-add-label');
      if (button.getAttribute('aria-label') === label) {
        return;
      }
      button.setAttribute('aria-label', label);
      button.setAttribute('title', label);
    });
  }

  function start() {
    labelAddButtons();
    new MutationObserver(labelAddButtons).observe(document.body, {
      childList: true,
      subtree: true,
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
