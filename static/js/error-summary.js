/* A form sent back with errors opens on the summary of its errors (the GOV.UK pattern): the
   summary takes the focus, so that a screen reader reads it first. A link in the summary
   focuses the answer it names and scrolls its question (label or legend) into view, which
   following the link alone would leave above the top of the window. */
(function () {
  'use strict';

  var summary = document.querySelector('[data-error-summary]');
  if (!summary) {
    return;
  }

  function question(answer) {
    var fieldset = answer.closest('fieldset');
    if (fieldset) {
      return fieldset.querySelector('legend');
    }
    return document.querySelector('label[for="' + CSS.escape(answer.id) + '"]');
  }

  summary.addEventListener('click', function (event) {
    var link = event.target.closest('a[href^="#"]');
    var answer = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!answer) {
      return;
    }
    event.preventDefault();
    (question(answer) || answer).scrollIntoView();
    answer.focus({ preventScroll: true });
  });

  summary.focus();
}());
