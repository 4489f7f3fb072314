/*
 * Samenkracht in the browser, small and optional: every page works without it.
 * 1. Tables name each cell (data-label) so a phone can show them as labelled cards.
 * 2. Typed text is never lost: what is typed in a form that posts is kept in this tab's
 *    sessionStorage until a page that is not a refusal, an error or the sign-in page follows
 *    its sending. A refused or expired request, or a sign-in in between, leads back to the
 *    form with the text in it.
 */
(function () {
  'use strict';
  var PREFIX = 'samenkracht:draft:';
  var SENT = 'samenkracht:sent';
  var body = document.body;
  var kind = body.getAttribute('data-page-kind') || 'page'; // page | refusal | error | login

  function labelCells(root) {
    (root || document).querySelectorAll('table').forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll('tbody tr').forEach(function (tr) {
        Array.prototype.forEach.call(tr.children, function (cell, i) {
          if (heads[i] && !cell.hasAttribute('data-label')) {
            cell.setAttribute('data-label', heads[i]);
          }
        });
      });
    });
  }

  function keyOf(form) {
    return PREFIX + location.pathname + '|' + (form.getAttribute('action') || location.pathname);
  }

  function keptFields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      if (!el.name || el.name === '_csrf' || el.name === 'version' || el.disabled) return false;
      if (el.tagName === 'TEXTAREA') return true;
      return el.tagName === 'INPUT' && /^(text|search|email|tel|date|number|url)$/.test(el.type);
    });
  }

  function save(form) {
    var values = {};
    var any = false;
    keptFields(form).forEach(function (el) {
      if (el.value) { values[el.name + '#' + (el.id || '')] = el.value; any = true; }
    });
    try {
      if (any) {
        sessionStorage.setItem(keyOf(form), JSON.stringify({ page: location.href, values: values }));
      } else {
        sessionStorage.removeItem(keyOf(form));
      }
    } catch (e) { /* storage full or off: nothing to keep */ }
  }

  function restore(form) {
    var kept;
    try { kept = JSON.parse(sessionStorage.getItem(keyOf(form)) || 'null'); } catch (e) { kept = null; }
    if (!kept) return false;
    var restored = false;
    keptFields(form).forEach(function (el) {
      var value = kept.values[el.name + '#' + (el.id || '')];
      if (value && !el.value) { el.value = value; restored = true; }
    });
    if (restored) {
      var details = form.closest('details');
      if (details) details.open = true;
      var note = document.getElementById('draft-restored-template');
      if (note && !form.querySelector('.draft-restored')) {
        var p = document.createElement('p');
        p.className = 'notice draft-restored';
        p.setAttribute('role', 'status');
        p.textContent = (note.content || note).textContent.trim();
        form.insertBefore(p, form.firstChild);
      }
    }
    return restored;
  }

  function pendingDrafts() {
    var found = [];
    for (var i = 0; i < sessionStorage.length; i++) {
      var k = sessionStorage.key(i);
      if (k && k.indexOf(PREFIX) === 0) {
        try { found.push(JSON.parse(sessionStorage.getItem(k))); } catch (e) { /* ignore */ }
      }
    }
    return found;
  }

  /* Keeps what is typed in the posting forms under root, also forms loaded later (htmx). */
  function keepForms(root) {
    root.querySelectorAll('form').forEach(function (form) {
      if (form.hasAttribute('data-kept')) return;
      if ((form.getAttribute('method') || 'get').toLowerCase() !== 'post') return;
      if (form.querySelector('input[type=password]') || keptFields(form).length === 0) return;
      form.setAttribute('data-kept', keyOf(form));
      restore(form);
      form.addEventListener('input', function () { save(form); });
      form.addEventListener('submit', function () {
        save(form);
        try { sessionStorage.setItem(SENT, JSON.stringify({ key: keyOf(form) })); } catch (e) { /* ignore */ }
      });
    });
  }

  function keepTypedText() {
    var sent = null;
    try { sent = JSON.parse(sessionStorage.getItem(SENT) || 'null'); } catch (e) { sent = null; }
    if (sent && kind === 'page') {
      // What was sent arrived: unless the form came back with its errors, the draft is done.
      var again = document.querySelector('form[data-kept="' + sent.key + '"]');
      if (!document.querySelector('.has-error, .notice.error') || !again) {
        sessionStorage.removeItem(sent.key);
      }
      sessionStorage.removeItem(SENT);
    } else if (sent) {
      sessionStorage.removeItem(SENT); // refused, failed or interrupted by signing in: the draft stays
    }
    keepForms(document);
    if (kind === 'refusal' || kind === 'error') {
      // The text was not lost: say so, and lead back to the form.
      var drafts = pendingDrafts();
      var back = document.getElementById('draft-back');
      if (drafts.length && back) {
        back.querySelector('a').setAttribute('href', drafts[drafts.length - 1].page);
        back.hidden = false;
      }
    }
    if (kind === 'login') {
      var form = document.querySelector('form');
      if (form && pendingDrafts().length) {
        form.addEventListener('submit', function () { sessionStorage.setItem('samenkracht:signin', '1'); });
      }
    } else if (sessionStorage.getItem('samenkracht:signin')) {
      sessionStorage.removeItem('samenkracht:signin');
      var drafts2 = pendingDrafts();
      if (drafts2.length && kind === 'page') {
        var target = drafts2[drafts2.length - 1].page;
        if (target !== location.href) location.replace(target);
      }
    }
  }

  labelCells(document);
  // A kept form that htmx sent and the server took (2xx): its draft is done with, before the swap
  // brings the form back empty (a refusal is not swapped, so its draft stays).
  document.addEventListener('htmx:beforeSwap', function (e) {
    try {
      var d = e.detail;
      if (!d.xhr || d.xhr.status < 200 || d.xhr.status >= 300) return;
      var elt = d.requestConfig && d.requestConfig.elt;
      var form = elt && (elt.tagName === 'FORM' ? elt : (elt.closest && elt.closest('form')));
      if (form && form.hasAttribute('data-kept')) {
        sessionStorage.removeItem(form.getAttribute('data-kept'));
        sessionStorage.removeItem(SENT);
      }
    } catch (err) { /* never stand in the way of the page */ }
  });
  document.addEventListener('htmx:afterSwap', function (e) {
    labelCells(e.target);
    try { keepForms(e.target); } catch (err) { /* never stand in the way of the page */ }
  });
  try { keepTypedText(); } catch (e) { /* never stand in the way of the page */ }
})();
