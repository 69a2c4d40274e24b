/* Sends the browser's time zone with the forms of a Task Force's space, so that meeting times
   are shown in it until the person chooses one on their profile; and offers it as the zone of
   a new meeting when the person has not chosen one. */
(function () {
  'use strict';

  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone) {
    return;
  }
  document.querySelectorAll('input[data-browser-zone]').forEach(function (input) {
    input.value = zone;
  });
  document.querySelectorAll('select[data-browser-zone]').forEach(function (select) {
    var offered = Array.prototype.some.call(select.options, function (option) {
      return option.value === zone;
    });
    if (offered) {
      select.value = zone;
    }
  });
})();
