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

  /* The focused item, else the last one whose top is under the header; -1 above the first. */
  function currentIndex(items) {
    var current = items.indexOf(doc.activeElement);
    if (current >= 0) { return current; }
    var top = headerBottom() + 16;
    for (var i = 0; i < items.length; i++) {
      if (items[i].getBoundingClientRect().top > top) { break; }
      current = i;
    }
    return current;
  }

  /* j / k: next / previous item, from the one at the top of the window. */
  function step(delta) {
    var items = visibleItems();
    if (!items.length) { return; }
    var current = currentIndex(items);
    if (delta < 0 && current < 0) { current = 0; }
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

    /* Items with a topic of one kind (the kind is the folder of the chip's link: topics/stock/…). */
    var kindFilter = doc.getElementById('topic-kind');
    items.forEach(function (item) {
      var kinds = [];
      Array.prototype.forEach.call(item.querySelectorAll(':scope > nav a'), function (a) {
        var m = /(?:^|\/)topics\/([a-z]+)\//.exec(a.getAttribute('href'));
        if (m && kinds.indexOf(m[1]) < 0) { kinds.push(m[1]); }
      });
      item.setAttribute('data-kinds', kinds.join(' '));
    });

    /* The reader's settings: the headline view, major only, a kind of topic. A link carries them
       (?view=headlines&major=1&topic=stock), the browser remembers the last ones for every day,
       and the links to the previous and next day pass them on. A page opened with none shows
       every item whole. */
    var ls = store();
    var headlines = doc.getElementById('headlines');
    var majorOnly = doc.getElementById('major-only');
    var params = new URLSearchParams(location.search);
    var fromUrl = params.has('view') || params.has('major') || params.has('topic');
    function remembered(key) { return ls && ls.getItem('telegraph:' + key); }
    headlines.checked = (fromUrl ? params.get('view') : remembered('view')) === 'headlines';
    majorOnly.checked = (fromUrl ? params.get('major') : remembered('major-only')) === '1';
    var kind = fromUrl ? params.get('topic') : remembered('topic-kind');
    kindFilter.value = /^[a-z]+$/.test(kind || '') && kindFilter.querySelector('option[value=' + kind + ']') ? kind : '';

    function apply() {
      doc.body.classList.toggle('headlines', headlines.checked);
      doc.body.classList.toggle('major-only', majorOnly.checked);
      var kind = kindFilter.value;
      items.forEach(function (item) {
        var has = (' ' + item.getAttribute('data-kinds') + ' ').indexOf(' ' + kind + ' ') >= 0;
        item.classList.toggle('kind-hidden', kind !== '' && !has);
      });
      var query = new URLSearchParams();
      if (headlines.checked) { query.set('view', 'headlines'); }
      if (majorOnly.checked) { query.set('major', '1'); }
      if (kind) { query.set('topic', kind); }
      var search = query.toString() ? '?' + query : '';
      if (search !== location.search && history.replaceState) {
        try { history.replaceState(null, '', location.pathname + search + location.hash); } catch (e) { /* an old file:// rule: the page still works */ }
      }
      Array.prototype.forEach.call(doc.querySelectorAll('.day-nav a[rel]'), function (a) { a.search = search; });
      if (ls) {
        ls.setItem('telegraph:view', headlines.checked ? 'headlines' : 'full');
        ls.setItem('telegraph:major-only', majorOnly.checked ? '1' : '0');
        ls.setItem('telegraph:topic-kind', kind);
      }
    }
    apply();
    /* a change keeps the reader's place: the item at the top stays at the top */
    function changed(control) {
      var shown = visibleItems();
      var top = shown[currentIndex(shown)];
      apply();
      control.blur(); // give the keys (j/k, o, [, ], /) back to the page
      if (top && top.offsetParent !== null) { top.scrollIntoView({ block: 'start' }); }
    }
    [headlines, majorOnly, kindFilter].forEach(function (control) {
      control.addEventListener('change', function () { changed(control); });
    });

    /* In the headline view an item opens in place to its whole text, and closes again: a click on
       its line (not on a link, nor to select text), or o on the current item. */
    function toggle(item) {
      item.classList.toggle('open');
      var more = item.querySelector(':scope > .more');
      if (more && item.classList.contains('open')) { more.click(); }
    }
    doc.addEventListener('click', function (e) {
      var item = e.target.closest && e.target.closest('article.item');
      if (!item || !headlines.checked || e.target.closest('a, button, summary')
          || String(window.getSelection && window.getSelection()).length) { return; }
      toggle(item);
    });
    doc.addEventListener('keydown', function (e) {
      if (e.key !== 'o' || !headlines.checked || e.ctrlKey || e.metaKey || e.altKey || typing(e)) { return; }
      var shown = visibleItems();
      var item = shown[Math.max(0, currentIndex(shown))];
      if (item) { toggle(item); e.preventDefault(); }
    });

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
