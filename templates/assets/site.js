/* Reading aids for every page; each works only where its elements exist, and every page
   reads fine without this script. No network access. */
(function () {
  'use strict';
  var doc = document;

  /* Keys go to the page unless the reader is typing: a ticked checkbox (只看重磅) keeps j/k. */
  function typing(e) {
    var t = e.target;
    if (!t) { return false; }
    if (t.tagName === 'INPUT') { return !/^(checkbox|radio|button|submit|reset|range|color|file|image)$/i.test(t.type); }
    return t.isContentEditable || /^(TEXTAREA|SELECT)$/.test(t.tagName);
  }

  /* Height of the sticky header: an item under it is not "on screen". */
  function headerBottom() {
    var header = doc.querySelector('body > header');
    return header ? header.getBoundingClientRect().bottom : 0;
  }

  function visibleItems() {
    return Array.prototype.filter.call(doc.querySelectorAll('article.item'), function (a) {
      return a.offsetParent !== null;
    });
  }

  /* j / k: next / previous item, from the one at the top of the window. */
  function step(delta) {
    var items = visibleItems();
    if (!items.length) { return; }
    var current = items.indexOf(doc.activeElement);
    if (current < 0) {
      current = -1;
      var top = headerBottom() + 16;
      for (var i = 0; i < items.length; i++) {
        if (items[i].getBoundingClientRect().top > top) { break; }
        current = i;
      }
      if (delta < 0 && current < 0) { current = 0; }
    }
    var next = items[Math.max(0, Math.min(items.length - 1, current + delta))];
    next.setAttribute('tabindex', '-1');
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: 'start' });
    if (history.replaceState) { history.replaceState(null, '', '#' + next.id); }
  }

  function follow(rel) {
    var link = doc.querySelector('a[rel=' + rel + ']');
    if (link) { location.href = link.href; }
  }

  doc.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) { return; }
    if (e.key === 'j') { step(1); e.preventDefault(); }
    else if (e.key === 'k') { step(-1); e.preventDefault(); }
    else if (e.key === '[') { follow('prev'); }
    else if (e.key === ']') { follow('next'); }
    else if (e.key === '/') {
      /* the search page's own box, else the header's (a day page's box searches that day only) */
      var box = doc.querySelector('main .search-form input[type=search]') || doc.querySelector('body > header input');
      if (box) { box.focus(); box.select(); e.preventDefault(); }
    }
  });

  function store() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  /* Each item's time becomes the link to the item (the page leaves it out: it is the item's id
     again). Seconds, where a source gave them, show in its tooltip. */
  function linkTimes(items) {
    items.forEach(function (item) {
      var time = item.firstElementChild;
      if (!time || time.tagName !== 'TIME') { return; }
      var a = doc.createElement('a');
      var seconds = /T\d\d:\d\d:(\d\d)/.exec(time.getAttribute('datetime'));
      a.className = 'time';
      a.href = '#' + item.id;
      a.title = '本条链接' + (seconds ? ' · ' + time.textContent + ':' + seconds[1] : '');
      item.replaceChild(a, time);
      a.appendChild(time);
    });
  }

  function dayPage() {
    var toolbar = doc.querySelector('.toolbar');
    if (!toolbar) { return; }
    toolbar.hidden = false;
    var items = Array.prototype.slice.call(doc.querySelectorAll('article.item'));

    /* Major only, remembered across pages. */
    var majorOnly = doc.getElementById('major-only');
    var ls = store();
    function applyMajor() { doc.body.classList.toggle('major-only', majorOnly.checked); }
    majorOnly.checked = !!(ls && ls.getItem('telegraph:major-only') === '1');
    applyMajor();
    majorOnly.addEventListener('change', function () {
      applyMajor();
      if (ls) { ls.setItem('telegraph:major-only', majorOnly.checked ? '1' : '0'); }
    });

    /* Items with a topic of one kind (the kind is the folder of the chip's link: topics/stock/…). */
    var kindFilter = doc.getElementById('topic-kind');
    if (kindFilter) {
      Array.prototype.forEach.call(doc.querySelectorAll('article.item'), function (item) {
        var kinds = [];
        Array.prototype.forEach.call(item.querySelectorAll(':scope > nav a'), function (a) {
          var m = /(?:^|\/)topics\/([a-z]+)\//.exec(a.getAttribute('href'));
          if (m && kinds.indexOf(m[1]) < 0) { kinds.push(m[1]); }
        });
        item.setAttribute('data-kinds', kinds.join(' '));
      });
      kindFilter.addEventListener('change', function () {
        var kind = kindFilter.value;
        kindFilter.blur(); // give the keys (j/k, [, ], /) back to the page
        Array.prototype.forEach.call(doc.querySelectorAll('article.item'), function (item) {
          var has = (' ' + item.getAttribute('data-kinds') + ' ').indexOf(' ' + kind + ' ') >= 0;
          item.classList.toggle('kind-hidden', kind !== '' && !has);
        });
      });
    }

    /* New since the last visit of this day: the open day's file keeps growing. Times are
       compared as instants: some have seconds, most do not. */
    var key = 'telegraph:seen:' + location.pathname.replace(/^.*\//, '');
    var seen = ls && Date.parse(ls.getItem(key));
    var newest = 0;
    var fresh = 0;
    items.forEach(function (item) {
      var at = Date.parse(item.firstElementChild.getAttribute('datetime'));
      if (at > newest) { newest = at; }
      if (seen && at > seen) { item.classList.add('new'); fresh++; }
    });
    if (fresh) { toolbar.querySelector('.new-count').textContent = '上次访问后新增 ' + fresh + ' 条'; }
    if (ls && newest) { ls.setItem(key, new Date(newest).toISOString()); }
    linkTimes(items);

    /* Long items collapsed, with a button to open them: the text (p and ol after the title) is
       gathered into a div.body that the style sheet cuts short. */
    items.forEach(function (item) {
      var parts = item.querySelectorAll(':scope > p:not([class]), :scope > ol');
      var length = 0;
      Array.prototype.forEach.call(parts, function (p) { length += p.textContent.length; });
      if (length < 320 || location.hash === '#' + item.id) { return; }
      var body = doc.createElement('div');
      body.className = 'body';
      item.insertBefore(body, parts[0]);
      Array.prototype.forEach.call(parts, function (p) { body.appendChild(p); });
      item.classList.add('collapsed');
      var more = doc.createElement('button');
      more.type = 'button';
      more.className = 'more';
      more.textContent = '展开全文';
      more.addEventListener('click', function () { item.classList.remove('collapsed'); more.remove(); });
      body.after(more);
    });

    /* Clicking an item's time copies its link. */
    doc.addEventListener('click', function (e) {
      var a = e.target.closest && e.target.closest('a.time');
      if (!a || !navigator.clipboard || location.protocol === 'file:') { return; }
      navigator.clipboard.writeText(a.href).then(function () {
        a.classList.add('copied');
        setTimeout(function () { a.classList.remove('copied'); }, 1200);
      }, function () { /* clipboard refused: the link still works */ });
    });
  }

  if (doc.readyState === 'loading') { doc.addEventListener('DOMContentLoaded', dayPage); } else { dayPage(); }
})();

/* A link to an earlier version opens the versions it sits in. */
(function () {
  'use strict';
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var details = target && target.closest && target.closest('details');
    if (details && !details.open) { details.open = true; target.scrollIntoView(); }
  }
  window.addEventListener('hashchange', openTarget);
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', openTarget); } else { openTarget(); }
})();
