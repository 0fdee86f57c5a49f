// Shortcut keys on the coding screen: a digit (or - and =) switches the code with that key on
// or off, S takes the suggestions. Only enhances: without JavaScript the checkboxes and buttons
// do the same. Keys typed into a text field or a list are left alone.
(function () {
  var form = document.querySelector('form[data-shortcuts="on"]');
  if (!form) return;
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === 'TEXTAREA' || tag === 'SELECT' || (tag === 'INPUT' && target.type !== 'checkbox' && target.type !== 'radio')) return;
    var box = form.querySelector('input[data-key="' + (event.key === '"' ? '' : event.key) + '"]');
    if (box) {
      event.preventDefault();
      box.checked = !box.checked;
      box.focus();
      return;
    }
    if (event.key === 's' || event.key === 'S') {
      var accept = form.querySelector('[data-accept]');
      if (accept) {
        event.preventDefault();
        accept.click();
      }
    }
  });
})();
