/* The search page: address, box and filters, hits as they are read, count, facets, pages shown on scrolling. */
(function (global) {
  'use strict';

  var S = global.telegraphSearch;

  function isLowSurrogate(c) {
    return c >= 0xDC00 && c <= 0xDFFF;
  }
  /**
   * About `size` characters of text around the first place any of the words occurs (compared
   * after folding), with an ellipsis where the text is cut.
   */
  function snippetAround(text, words, size) {
    if (text.length <= size) return text;
    var folded = S.fold(text), first = -1;
    words.forEach(function (w) {
      var at = folded.indexOf(S.fold(w));
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var start = first < 0 ? 0 : Math.max(0, Math.min(first - Math.floor(size / 4), text.length - size));
    var end = start + size;
    if (isLowSurrogate(text.charCodeAt(start))) start++;
    if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end--;
    return (start > 0 ? '…' : '') + text.substring(start, end) + (end < text.length ? '…' : '');
  }

  var CLOSING_MARKS = '。！？；!?;，、：,:';

  /**
   * What a hit shows of an item's row: its title, else the first clause of its body, which the
   * export's lead ends (Lead.java decides where: headline without its closing mark, with an
   * ellipsis when more follows); and the text its snippet is cut from, which goes on from there.
   */
  function headline(row) {
    var body = row[5], lead = row[7];
    if (row[4] || typeof lead !== 'number') return {title: row[4], text: body || row[4]};
    var clause = body.substring(0, lead).trim(), rest = body.substring(lead).trim();
    while (clause && CLOSING_MARKS.indexOf(clause.charAt(clause.length - 1)) >= 0) clause = clause.slice(0, -1);
    return {title: rest ? clause + '…' : clause, text: rest};
  }

  S.snippetAround = snippetAround;
  S.headline = headline;
  if (typeof document === 'undefined') return;

  var PAGE = 20;
  var SNIPPET_CHARS = 80;
  var DEBOUNCE_MS = 200;
  var BACKGROUND_MONTHS = 24;
  /** Values shown per facet kind; their directory entries are read to make their counts exact. */
  var FACET_VALUES = 8;
  /** How near the end of the list (px) scrolling shows the next page. */
  var SCROLL_AHEAD = 600;
  var page = document.getElementById('search');
  var Url = global.telegraphSearchUrl, Facets = global.telegraphFacets;
  if (!page || !global.elasticlunr || !Url || !Facets) return;
  var root = page.getAttribute('data-root') || '';
  S.installTokenizer(global.elasticlunr);

  var load = S.loader(root);
  var engine = new S.Engine(load, global.elasticlunr);

  var box = document.getElementById('search-q');
  var major = document.getElementById('search-major');
  var from = document.getElementById('search-from');
  var to = document.getElementById('search-to');
  var sortBox = document.getElementById('search-sort');
  var scope = document.getElementById('search-scope');
  var status = document.getElementById('search-status');
  var position = document.getElementById('search-position');
  var facetBox = document.getElementById('search-facets');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var hint = status.textContent;
  var topicNames = {};
  Array.prototype.forEach.call(document.querySelectorAll('#search-topic-names option'), function (o) {
    topicNames[o.value] = o.textContent;
  });
  /** TopicKind's labels: a scope chip names any kind, the facets themes and sources. */
  var KIND_NAMES = {theme: '主题', source: '来源', stock: '证券', column: '栏目', subject: '财联社题材'};

  var initial = Url.read(new URLSearchParams(location.search));
  box.value = initial.q;
  major.checked = initial.major;
  from.value = initial.from;
  to.value = initial.to;
  sortBox.value = initial.sort;
  var day = initial.day;
  var topics = initial.topics;
  var pages = initial.page;

  function topicLabel(topic) {
    var kind = topic.substring(0, topic.indexOf('/')), slug = topic.substring(kind.length + 1);
    return (KIND_NAMES[kind] || kind) + ' ' + (topicNames[topic] || slug);
  }

  function chip(text, title, onClick) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'search-chip';
    button.textContent = text;
    button.title = title;
    button.addEventListener('click', onClick);
    return button;
  }

  function showScope() {
    scope.textContent = '';
    if (day) {
      scope.appendChild(chip('仅搜索 ' + day + ' ×', '去掉这个范围', function () {
        day = '';
        restart();
      }));
    }
    topics.forEach(function (t) {
      scope.appendChild(chip('仅搜索' + topicLabel(t) + ' ×', '去掉这个范围', function () {
        topics = topics.filter(function (other) { return other !== t; });
        restart();
      }));
    });
  }

  var state = null;
  var generation = 0;

  function filters() {
    return {day: day, topics: topics, major: major.checked, from: from.value, to: to.value};
  }

  function highlight(element, text, words) {
    var escaped = words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); });
    var parts = escaped.length ? text.split(new RegExp('(' + escaped.join('|') + ')', 'i')) : [text];
    parts.forEach(function (part, i) {
      if (i % 2 === 1) {
        var mark = document.createElement('mark');
        mark.textContent = part;
        element.appendChild(mark);
      } else if (part) {
        element.appendChild(document.createTextNode(part));
      }
    });
  }

  function hitItem(h, words) {
    var row = h.row, li = document.createElement('li');
    li.className = 'search-hit' + (row[3] !== 'C' ? ' major' : '');
    li.setAttribute('data-id', row[0]);
    var a = document.createElement('a');
    var date = row[1];
    a.href = root + date.substring(0, 4) + '/' + date.substring(5, 7) + '/' + date + '.html#' + row[0];
    var when = document.createElement('span');
    when.className = 'when';
    when.textContent = row[2] + (row[3] !== 'C' ? ' 重磅' : '');
    a.appendChild(when);
    if (h.version) {
      // the item's own text does not hold the query: an earlier version's does, and its snippet shows
      var earlier = document.createElement('span');
      earlier.className = 'when earlier';
      earlier.textContent = '见于早先版本';
      earlier.title = h.version[2];
      a.appendChild(earlier);
    }
    var title = document.createElement('span');
    title.className = 'title';
    var shown = headline(row);
    highlight(title, shown.title, words);
    a.appendChild(title);
    li.appendChild(a);
    var text = h.version ? h.version[5] || h.version[4] : shown.text;
    if (text) {
      var p = document.createElement('p');
      highlight(p, snippetAround(text, words, SNIPPET_CHARS), words);
      li.appendChild(p);
    }
    return li;
  }

  function words(s) {
    var out = [];
    s.search.plan.positive.forEach(function (t) { out.push.apply(out, t.words); });
    return out;
  }

  /** The status line: the exact count when known, else the bounds so far. */
  function showStatus(s) {
    var order = sortBox.value === 'best' ? '按相关度排列' : '按时间从新到旧排列';
    var known = s.search.done ? s.search.hits.length : s.search.prepared.count;
    if (known !== null && known !== undefined) {
      status.textContent = '共 ' + known + ' 条' + (known ? '，' + order + '。' : '。');
    } else {
      status.textContent = '至少 ' + s.search.hits.length + ' 条，至多 ' + s.search.prepared.bound + ' 条（' +
        (s.reading ? '核对中，' : '') + '已核对 ' + s.search.monthsRead + '/' + s.search.prepared.months.length + ' 个月），' + order + '。';
      if (!s.reading) {
        var all = document.createElement('button');
        all.type = 'button';
        all.className = 'search-count-all';
        all.textContent = '统计全部';
        all.addEventListener('click', function () {
          s.limit = Infinity;
          background(s);
        });
        status.appendChild(all);
      }
    }
    showPosition();
    showFacets(s);
  }

  /** Which results are on the screen, 第 a–b 条: the first and last hit in view. */
  function showPosition() {
    var hits = list.children, n = hits.length, bar = position.parentNode.getBoundingClientRect().top;
    var first = -1, last = -1;
    for (var i = 0; i < n; i++) {
      var r = hits[i].getBoundingClientRect();
      if (r.bottom <= 0) continue;
      if (r.top >= bar) break;
      if (first < 0) first = i;
      last = i;
    }
    position.textContent = first < 0 ? '' : '第 ' + (first + 1) + (last > first ? '–' + (last + 1) : '') + ' 条';
  }

  /** Shows hits up to s.shown; newest-first pages come as soon as they are read. */
  function showPage(s) {
    list.setAttribute('aria-busy', 'true');
    s.paging = true;
    var ready = sortBox.value === 'best'
      ? (s.best || (s.best = s.search.all('best'))) : s.search.next(s.shown).then(function (h) { return h; });
    return ready.then(function (hits) {
      if (s !== state) return;
      var w = words(s);
      hits.slice(s.rendered, s.shown).forEach(function (h) { list.appendChild(hitItem(h, w)); });
      s.rendered = Math.min(s.shown, hits.length);
      more.hidden = s.search.done ? hits.length <= s.shown : false;
      list.setAttribute('aria-busy', 'false');
      s.paging = false;
      showStatus(s);
      // an exact plan's count comes from the index (countExactly); its results are still read on
      // in the background, as they are what the facets count
      if (!s.search.done && (s.search.prepared.count === null || s.search.plan.exact)) background(s);
    });
  }

  function nextPage() {
    var s = state;
    if (!s || s.paging || more.hidden) return;
    s.shown += PAGE;
    pages = s.shown / PAGE;
    updateUrl();
    showPage(s);
  }

  /**
   * After the first page, reads on (newest first) until the count is exact, or until it has read
   * BACKGROUND_MONTHS months: past that the status offers to count all (a common multi-word query
   * over ten years would read most of the text store).
   */
  /**
   * For a query the index alone tells (search-exact.js), the exact count and each month's, from
   * the index's postings: no text is read for them.
   */
  function countExactly(s) {
    engine.counts(s.search.plan, s.search.prepared).then(function (counts) {
      if (s !== state || !counts) return;
      s.search.prepared.count = counts.total;
      s.search.monthCounts = {};
      counts.months.forEach(function (m) { s.search.monthCounts[m.month] = m.count; });
      showStatus(s);
    }).catch(function () {
      // the count stays as the text check finds it
    });
  }

  function background(s) {
    if (s.reading) return;
    s.reading = true;
    (function step() {
      if (s !== state || s.search.done || s.search.monthsRead >= s.limit) {
        s.reading = false;
        if (s === state) {
          showStatus(s);
          more.hidden = s.search.done && s.search.hits.length <= s.shown;
        }
        return;
      }
      s.search.next(s.search.hits.length + PAGE).then(function () {
        if (s === state) showStatus(s);
        step();
      });
    })();
  }

  // ---- facets: counts of the hits read so far (facets.js), their topic tokens read once per month ----
  var monthTopics = {};
  var entries = {};

  function topicsOf(month) {
    if (!monthTopics[month.month]) monthTopics[month.month] = engine.tokensBetween(month, Facets.first, Facets.past);
    return monthTopics[month.month];
  }
  function entryOf(token) {
    if (!entries[token]) entries[token] = engine.entry(token).then(Facets.entryOf);
    return entries[token];
  }

  /**
   * Counts what is read so far; once every candidate is checked, reads the directory entries of the
   * values shown (a few small files) so that their counts become exact, and counts again.
   */
  function showFacets(s) {
    if (s.facets) {
      s.facetsAgain = true;
      return;
    }
    var search = s.search, read = search.monthsRead, months = search.prepared.months.slice(0, read);
    var hits = search.hits.slice(), done = search.done;
    s.facets = Promise.all(months.map(topicsOf)).then(function (refs) {
      var known = {};
      months.forEach(function (m, i) { known[m.month] = {refs: refs[i], read: true}; });
      var shown = pick(Facets.count(hits, known, {}, done));
      if (!done) return shown;
      var tokens = shown.map(function (f) { return '~' + f.topic; });
      return Promise.all(tokens.map(entryOf)).then(function (list) {
        var got = {};
        tokens.forEach(function (t, i) { got[t] = list[i]; });
        return pick(Facets.count(hits, known, got, done));
      });
    }).then(function (shown) {
      if (s !== state) return;
      renderFacets(s, shown, Facets.timeline(search.prepared.months.map(function (m) { return m.month; }), hits,
        function (i) { return i < read; }, search.monthCounts));
    }).catch(function (e) {
      if (s === state) facetBox.textContent = '分类统计失败：' + e.message;
    }).then(function () {
      s.facets = null;
      if (s.facetsAgain && s === state) {
        s.facetsAgain = false;
        showFacets(s);
      }
    });
  }

  /** The FACET_VALUES most frequent values of each kind, most first. */
  function pick(counts) {
    var per = {};
    return counts.filter(function (f) {
      per[f.kind] = (per[f.kind] || 0) + 1;
      return per[f.kind] <= FACET_VALUES;
    });
  }

  function countText(n, exact) {
    return exact ? String(n) : '至少 ' + n;
  }

  function facetButton(label, n, exact, pressed, onClick) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'facet';
    button.setAttribute('aria-pressed', pressed ? 'true' : 'false');
    var name = document.createElement('span');
    name.textContent = label;
    var count = document.createElement('span');
    count.className = 'facet-count';
    count.textContent = countText(n, exact);
    button.appendChild(name);
    button.appendChild(count);
    button.addEventListener('click', onClick);
    return button;
  }

  function facetRow(title, kind) {
    var row = document.createElement('div');
    row.className = 'facet-row';
    row.setAttribute('data-kind', kind);
    var h = document.createElement('span');
    h.className = 'facet-title';
    h.textContent = title;
    row.appendChild(h);
    facetBox.appendChild(row);
    return row;
  }

  function renderFacets(s, values, months) {
    facetBox.textContent = '';
    facetBox.hidden = !s.search.hits.length;
    ['theme', 'source'].forEach(function (kind) {
      var mine = values.filter(function (f) { return f.kind === kind; });
      if (!mine.length) return;
      var row = facetRow(KIND_NAMES[kind], kind);
      mine.forEach(function (f) {
        var on = topics.indexOf(f.topic) >= 0;
        var button = facetButton(topicNames[f.topic] || f.topic.substring(kind.length + 1), f.count, f.exact, on, function () {
          topics = on ? topics.filter(function (t) { return t !== f.topic; }) : topics.concat([f.topic]);
          restart();
        });
        button.setAttribute('data-topic', f.topic);
        row.appendChild(button);
      });
    });
    var most = Math.max.apply(null, months.map(function (m) { return m.count; }).concat([1]));
    var row = facetRow('按月', 'month');
    months.forEach(function (m) {
      var range = Url.monthRange(m.month), on = from.value === range.from && to.value === range.to;
      var button = facetButton(m.month, m.count, m.exact, on, function () {
        from.value = on ? '' : range.from;
        to.value = on ? '' : range.to;
        restart();
      });
      button.setAttribute('data-month', m.month);
      var bar = document.createElement('span');
      bar.className = 'facet-bar';
      bar.style.width = Math.round(100 * m.count / most) + '%';
      button.insertBefore(bar, button.firstChild);
      row.appendChild(button);
    });
  }

  function updateUrl() {
    var query = Url.write({q: box.value, sort: sortBox.value, day: day, topics: topics, major: major.checked,
      from: from.value, to: to.value, page: pages});
    try {
      history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
    } catch (e) {
      // some browsers refuse replaceState on file:// pages; the search still works
    }
  }

  /** A new search from its first page: what the reader changed made the old pages meaningless. */
  function restart() {
    pages = 1;
    showScope();
    return run();
  }

  function run() {
    var my = ++generation;
    updateUrl();
    list.textContent = '';
    facetBox.textContent = '';
    facetBox.hidden = true;
    position.textContent = '';
    more.hidden = true;
    state = null;
    if (!box.value.trim()) {
      list.setAttribute('aria-busy', 'false');
      status.textContent = hint;
      return Promise.resolve();
    }
    status.textContent = '搜索中…';
    return engine.search(box.value, filters()).then(function (search) {
      if (my !== generation) return;
      if (!search.plan.indexed) {
        list.setAttribute('aria-busy', 'false');
        status.textContent = '请至少输入两个相连的汉字，或一个英文词、数字、股票代码（单个汉字或字母只能与其他词一起搜索）。';
        return;
      }
      state = {search: search, shown: PAGE * pages, rendered: 0, limit: BACKGROUND_MONTHS};
      countExactly(state);
      return showPage(state);
    }).catch(function (e) {
      if (my !== generation) return;
      status.textContent = '搜索失败：' + e.message;
      list.setAttribute('aria-busy', 'false');
    });
  }

  var timer = null;
  function debounced() {
    clearTimeout(timer);
    timer = setTimeout(restart, DEBOUNCE_MS);
  }
  var scrolled = false;
  global.addEventListener('scroll', function () {
    if (scrolled) return;
    scrolled = true;
    global.requestAnimationFrame(function () {
      scrolled = false;
      showPosition();
      if (list.getBoundingClientRect().bottom < global.innerHeight + SCROLL_AHEAD) nextPage();
    });
  });
  showScope();
  box.addEventListener('input', debounced);
  [major, from, to, sortBox].forEach(function (el) { el.addEventListener('change', restart); });
  more.addEventListener('click', nextPage);
  box.form.addEventListener('submit', function (e) {
    e.preventDefault();
    var first = list.querySelector('a');
    if (first) location.href = first.href; else restart();
  });
  // "/" focuses the box: site.js does that on every page
  run();
})(this);
