(function () {
  'use strict';
  // Marks the page so a test can tell that this script, and only this one, ran.
  document.documentElement.setAttribute('data-kb-script', 'ran');

  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function report(button, ok) {
    button.textContent = ok ? 'Copied' : 'Select and copy';
    window.setTimeout(function () { button.textContent = 'Copy'; }, 1500);
  }

  document.addEventListener('click', function (event) {
    var button = event.target && event.target.closest ? event.target.closest('button[data-copy]') : null;
    if (!button) { return; }
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) { return; }
    var text = source.textContent;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { report(button, true); },
        function () { report(button, fallbackCopy(text)); });
    } else {
      report(button, fallbackCopy(text));
    }
  });

  // One "Expand all" per server report (a fleet page has several); each opens or closes every <details>.
  document.querySelectorAll('button[data-toggle-all]').forEach(function (toggle) {
    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('data-open') !== 'true';
      document.querySelectorAll('details').forEach(function (d) { d.open = open; });
      toggle.setAttribute('data-open', String(open));
      toggle.textContent = open ? 'Collapse all' : 'Expand all';
    });
  });
  // Paper cannot be clicked: print everything expanded.
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
})();
