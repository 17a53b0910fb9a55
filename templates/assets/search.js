/*
 * Client-side search over the sharded elasticlunr index written by telegraph.search.
 * The tokenizer and hash below mirror Tokenizer.java and TokenHash.java exactly: the index
 * holds their tokens, so the query must be cut the same way.
 * Runs in the browser (search.html) and under Node (the shard test requires this file).
 */
(function (global) {
  'use strict';

  // ---- tokenizer (Tokenizer.java) ----
  function isHan(c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
  }
  function isWord(c) {
    return (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39);
  }
  function fold(text) {
    var out = '';
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
      if (c >= 0x41 && c <= 0x5A) c += 32;
      out += String.fromCharCode(c);
    }
    return out;
  }
  function tokens(text) {
    var s = fold(String(text)), n = s.length, out = [], i = 0, prevWord = null, prevEnd = -2;
    while (i < n) {
      var c = s.charCodeAt(i), end = i;
      if (isHan(c)) {
        while (end < n && isHan(s.charCodeAt(end))) end++;
        for (var k = i; k + 1 < end; k++) out.push(s.substring(k, k + 2));
        i = end;
      } else if (isWord(c)) {
        while (end < n && isWord(s.charCodeAt(end))) end++;
        var word = s.substring(i, end);
        out.push(word);
        if (prevWord !== null && prevEnd === i - 1 && s.charAt(i - 1) === '.') out.push(prevWord + '.' + word);
        prevWord = word;
        prevEnd = end;
        i = end;
      } else {
        i++;
      }
    }
    return out;
  }
  function isLowSurrogate(c) {
    return c >= 0xDC00 && c <= 0xDFFF;
  }

  /**
   * About `size` characters of text around the first place any of the words occurs (compared
   * after the tokenizer's folding), with an ellipsis where the text is cut.
   */
  function snippetAround(text, words, size) {
    if (text.length <= size) return text;
    var folded = fold(text), first = -1;
    words.forEach(function (w) {
      var at = folded.indexOf(fold(w));
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var start = first < 0 ? 0 : Math.max(0, Math.min(first - Math.floor(size / 4), text.length - size));
    var end = start + size;
    if (isLowSurrogate(text.charCodeAt(start))) start++;
    if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end--;
    return (start > 0 ? '…' : '') + text.substring(start, end) + (end < text.length ? '…' : '');
  }

  function queryTokens(query) {
    var seen = {}, out = [];
    tokens(query).forEach(function (t) { if (!seen[t]) { seen[t] = true; out.push(t); } });
    return out;
  }

  // ---- directory placement (TokenHash.java) ----
  function hash(token) {
    var h = 0x811C9DC5 | 0;
    for (var i = 0; i < token.length; i++) {
      h ^= token.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h;
  }
  function bucket(token, buckets) {
    return hash(token) & (buckets - 1);
  }

  /** Makes elasticlunr cut text our way; token arrays (our query tokens) pass unchanged. */
  function installTokenizer(elasticlunr) {
    elasticlunr.tokenizer = function (str) {
      if (str === null || str === undefined) return [];
      return Array.isArray(str) ? str.slice() : tokens(str);
    };
  }

  function yyyymm(month) {
    return parseInt(month.replace('-', ''), 10);
  }

  /** elasticlunr's idf (Index.prototype.idf) of a token that df of a month's items hold. */
  function idf(items, df) {
    return 1 + Math.log(items / (df + 1));
  }

  /** The tf the index holds for a token found count times among an item's tokens (ShardWriter.tf). */
  function tf(count, length, scale) {
    return Math.max(1, Math.round(scale * Math.sqrt(count / length)));
  }

  /** Inline postings of the token directory, "ref:tf,…", as {ref: tf}. */
  function parsePostings(text) {
    var out = {};
    text.split(',').forEach(function (p) {
      var colon = p.indexOf(':');
      out[p.substring(0, colon)] = parseInt(p.substring(colon + 1), 10);
    });
    return out;
  }

  /**
   * The query logic. load(key) returns a promise of the JSON stored under search/KEY;
   * every shard goes through stock elasticlunr.Index.load.
   */
  function Engine(load, elasticlunr, directoryBuckets) {
    this.load = load;
    this.elasticlunr = elasticlunr;
    this.indexes = {};
    this.manifest = load('manifest');
    // when the page says how many directory buckets there are, they load with the manifest
    this.directoryBuckets = directoryBuckets ? Promise.resolve(directoryBuckets)
      : this.manifest.then(function (m) { return m.directoryBuckets; });
  }

  /**
   * Months holding every token (from the token directory), newest first, each as
   * {month, items, dfs, where}: dfs[i] is the number of the month's items holding token i;
   * where[i] the number of the month's shard holding it or, when only a few items do, their
   * postings ("ref:tf,…").
   */
  Engine.prototype.months = function (toks) {
    var self = this;
    var lists = this.directoryBuckets.then(function (buckets) {
      return Promise.all(toks.map(function (t) {
        return self.load('dir/' + bucket(t, buckets)).then(function (dir) {
          return Object.prototype.hasOwnProperty.call(dir, t) ? dir[t] : [];
        });
      }));
    });
    return Promise.all([this.manifest, lists]).then(function (loaded) {
      var manifest = loaded[0], dfs = {}, where = {};
      loaded[1].forEach(function (list, k) {
        for (var i = 0; i < list.length; i += manifest.directoryStride) {
          (dfs[list[i]] = dfs[list[i]] || [])[k] = list[i + 1];
          (where[list[i]] = where[list[i]] || [])[k] = list[i + 2];
        }
      });
      var out = [];
      manifest.months.forEach(function (m) {
        var d = dfs[yyyymm(m.month)];
        var all = d && d.length === toks.length;
        for (var k = 0; all && k < toks.length; k++) all = d[k] !== undefined;
        if (all) out.push({month: m.month, items: m.items, dfs: d, where: where[yyyymm(m.month)]});
      });
      return out;
    });
  };

  /** Key of the shard holding the month's k-th query token (the directory said which). */
  function shardKey(month, k) {
    return month.month + '/s-' + month.where[k];
  }

  /** {ref: score} of token t, the month's k-th query token, from its shard, scored by elasticlunr. */
  Engine.prototype.shardScores = function (month, t, k) {
    var key = shardKey(month, k);
    var self = this;
    if (!this.indexes[key]) {
      this.indexes[key] = this.load(key).then(function (json) { return self.elasticlunr.Index.load(json); });
    }
    return this.indexes[key].then(function (index) {
      var field = {};
      field[index.getFields()[0]] = {bool: 'AND', expand: false, boost: 1};
      var scores = {};
      index.search([t], {fields: field}).forEach(function (r) { scores[r.ref] = r.score; });
      return scores;
    });
  };

  /** {ref: score} from inline postings: tf · idf, what elasticlunr computes from the shard. */
  function inlineScores(month, k) {
    var postings = parsePostings(month.where[k]), scores = {}, w = idf(month.items, month.dfs[k]);
    for (var ref in postings) scores[ref] = postings[ref] * w;
    return scores;
  }

  /**
   * Per token, {ref: score} over the given candidate items only, from the items' own text:
   * a token is scored where the item's tokens hold it, with the tf and idf the index holds.
   */
  Engine.prototype.textScores = function (month, toks, candidates) {
    var self = this;
    return this.manifest.then(function (manifest) {
      return Promise.all(candidates.map(function (ref) {
        return self.row(month.month, parseInt(ref, 36)).then(function (row) {
          var counts = {}, list = tokens(row[4] + '\n' + row[5] + '\n' + row[6]);
          list.forEach(function (t) { counts[t] = (counts[t] || 0) + 1; });
          return {ref: ref, counts: counts, length: list.length};
        });
      })).then(function (items) {
        return toks.map(function (t, k) {
          var scores = {}, w = idf(month.items, month.dfs[k]);
          items.forEach(function (item) {
            if (item.counts[t]) scores[item.ref] = tf(item.counts[t], item.length, manifest.tfScale) * w;
          });
          return scores;
        });
      });
    });
  };

  /** Whether the directory holds the month's postings of its k-th query token itself. */
  function isInline(month, k) {
    return typeof month.where[k] === 'string';
  }

  /** Index of the query token fewest of the month's items hold. */
  function rarestToken(month) {
    var rarest = 0;
    month.dfs.forEach(function (df, k) { if (df < month.dfs[rarest]) rarest = k; });
    return rarest;
  }

  /**
   * How many text chunks reading the month may take when no shard is needed: 0 when every
   * token's postings are inline, the rarest token's item count when only its are (its items are
   * checked in their own text); Infinity when shards are read. Cheap months may be read side by side.
   */
  Engine.prototype.textCost = function (month) {
    var rarest = rarestToken(month);
    if (!isInline(month, rarest)) return Infinity;
    return month.where.every(function (w, k) { return isInline(month, k); }) ? 0 : month.dfs[rarest];
  };

  /**
   * Hits of one month, scored as elasticlunr's AND would: intersection, scores (tf · idf per
   * token) summed in query order; sorted by score, newer (larger ref) first among equals.
   * Each token's scores come from its inline postings, or else its shard; but when the rarest
   * token's postings are inline, the few items holding it are checked against the other tokens
   * in their own text, which spares one shard per token and month.
   */
  Engine.prototype.searchMonth = function (month, toks) {
    var self = this;
    var rarest = rarestToken(month);
    var perToken;
    if (isInline(month, rarest) && toks.some(function (t, k) { return !isInline(month, k); })) {
      perToken = this.textScores(month, toks, Object.keys(parsePostings(month.where[rarest])));
    } else {
      perToken = Promise.all(toks.map(function (t, k) {
        return isInline(month, k) ? inlineScores(month, k) : self.shardScores(month, t, k);
      }));
    }
    return perToken.then(function (scores) {
      var acc = scores[0];
      for (var k = 1; k < scores.length; k++) {
        var both = {};
        for (var ref in scores[k]) if (ref in acc) both[ref] = acc[ref] + scores[k][ref];
        acc = both;
      }
      var hits = Object.keys(acc).map(function (ref) {
        return {month: month.month, ref: parseInt(ref, 36), score: acc[ref]};
      });
      hits.sort(function (a, b) { return b.score - a.score || b.ref - a.ref; });
      return hits;
    });
  };

  /** Every hit of the query, month by month newest first (used by the tests). */
  Engine.prototype.searchAll = function (query) {
    var toks = queryTokens(query), self = this;
    if (!toks.length) return Promise.resolve([]);
    return this.months(toks).then(function (months) {
      return Promise.all(months.map(function (m) { return self.searchMonth(m, toks); }));
    }).then(function (perMonth) { return [].concat.apply([], perMonth); });
  };

  Engine.prototype.meta = function (month) {
    return this.load(month.month + '/meta');
  };

  /** The text store's row of an item: [id, date, time, level, title, body, rest]. */
  Engine.prototype.row = function (month, ref) {
    var self = this;
    return this.manifest.then(function (manifest) {
      return self.load(month + '/d-' + Math.floor(ref / manifest.chunk)).then(function (chunk) {
        return chunk[ref % manifest.chunk];
      });
    });
  };

  Engine.prototype.snippet = function (hit) {
    return this.row(hit.month, hit.ref).then(function (row) {
      return {id: row[0], date: row[1], time: row[2], level: row[3], title: row[4], text: row[5] || row[4]};
    });
  };

  var api = {tokens: tokens, queryTokens: queryTokens, installTokenizer: installTokenizer, Engine: Engine,
    snippetAround: snippetAround};
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  // ---- the page ----
  var PAGE = 20;
  var SNIPPET_CHARS = 80;
  var TEXT_BUDGET = 2 * PAGE;
  var DEBOUNCE_MS = 200;
  var page = document.getElementById('search');
  if (!page || !global.elasticlunr) return;
  var root = page.getAttribute('data-root') || '';
  installTokenizer(global.elasticlunr);

  /**
   * Every file of the index is a script, search/KEY.js, that calls telegraphSearchData(KEY, data).
   * From file://, where fetch() is blocked, a <script> tag runs it. Over HTTP the page fetches the
   * same file and parses the JSON between the call's first comma and its closing parenthesis:
   * the same data, but V8 parses JSON several times faster than an object literal in a script,
   * and a fetch costs the page far less than a script element (a query reads tens of files).
   */
  var pending = {};
  global.telegraphSearchData = function (key, data) {
    if (pending[key]) {
      pending[key].resolve(data);
      delete pending[key];
    }
  };
  var viaFetch = /^https?:$/.test(location.protocol) && typeof fetch === 'function';

  function fetchPiece(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error('cannot load ' + url + ' (' + response.status + ')');
      return response.text();
    }).then(function (text) {
      return JSON.parse(text.substring(text.indexOf(',') + 1, text.lastIndexOf(')')));
    });
  }

  function scriptPiece(key, url) {
    return new Promise(function (resolve, reject) {
      pending[key] = {resolve: resolve};
      var script = document.createElement('script');
      script.src = url;
      script.onload = function () {
        script.remove();
        if (pending[key]) {
          delete pending[key];
          reject(new Error('no data in ' + url));
        }
      };
      script.onerror = function () {
        script.remove();
        delete pending[key];
        reject(new Error('cannot load ' + url));
      };
      document.head.appendChild(script);
    });
  }

  var cache = {};
  function load(key) {
    if (!cache[key]) {
      var url = root + 'search/' + key + '.js';
      cache[key] = (viaFetch ? fetchPiece(url) : scriptPiece(key, url)).catch(function (e) {
        delete cache[key]; // a failed file may be asked for again
        throw e;
      });
    }
    return cache[key];
  }
  var engine = new Engine(load, global.elasticlunr, parseInt(page.getAttribute('data-directory-buckets'), 10) || 0);

  var box = document.getElementById('search-q');
  var major = document.getElementById('search-major');
  var from = document.getElementById('search-from');
  var to = document.getElementById('search-to');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var hint = status.textContent;

  var params = new URLSearchParams(location.search);
  box.value = params.get('q') || '';
  major.checked = params.get('major') === '1';
  from.value = params.get('from') || '';
  to.value = params.get('to') || '';

  var state = null;
  var generation = 0;

  function monthInRange(m) {
    return (!from.value || m.month >= from.value.substring(0, 7)) && (!to.value || m.month <= to.value.substring(0, 7));
  }

  function keep(hit, meta, symbols) {
    var code = symbols.indexOf(meta.charAt(hit.ref));
    var date = hit.month + '-' + ('0' + (Math.floor(code / 2) + 1)).slice(-2);
    if (major.checked && code % 2 !== 1) return false;
    return (!from.value || date >= from.value) && (!to.value || date <= to.value);
  }

  /** Hits of one month that pass the filters. */
  function monthHits(s, month) {
    // a month's day and level codes are needed only where a filter may drop some of its hits
    var filtered = major.checked || (from.value && from.value.substring(0, 7) === month.month)
        || (to.value && to.value.substring(0, 7) === month.month);
    return Promise.all([engine.searchMonth(month, s.tokens), filtered ? engine.meta(month) : null, engine.manifest])
      .then(function (r) {
        return r[0].filter(function (hit) { return !filtered || keep(hit, r[1], r[2].metaSymbols); });
      });
  }

  /**
   * Reads further months until `want` hits are known or every candidate month is read. A month
   * that needs shards is read alone (its hits may fill the page); a run of months answered from
   * the directory (Engine.textCost) is read side by side, up to about two pages' worth of items
   * to check, so a rare word spread over years costs a round trip or two, not one per month.
   */
  function fill(s, want) {
    if (s.hits.length >= want || s.next >= s.months.length) return Promise.resolve();
    var batch = [s.months[s.next++]];
    var cost = engine.textCost(batch[0]);
    while (cost <= TEXT_BUDGET && s.next < s.months.length && cost + engine.textCost(s.months[s.next]) <= TEXT_BUDGET) {
      cost += engine.textCost(s.months[s.next]);
      batch.push(s.months[s.next++]);
    }
    // the batch's months are read side by side, but their hits are taken newest month first, and
    // shown as soon as the months above them are read: a hit in the batch's first month need not
    // wait for the other forty
    var taken = Promise.resolve();
    batch.map(function (month) { return monthHits(s, month); }).forEach(function (hits) {
      taken = taken.then(function () { return hits; }).then(function (h) {
        if (s !== state) return;
        Array.prototype.push.apply(s.hits, h);
        s.read++;
        if (h.length && s.rendered < s.shown && s.read < s.months.length) render(s);
      });
    });
    return taken.then(function () {
      if (s !== state) return;
      if (s.hits.length < want && s.next < s.months.length) render(s);
      return fill(s, want);
    });
  }

  function terms() {
    return box.value.split(/\s+/).filter(function (t) { return t.length > 0; });
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

  function hitItem(row, words) {
    var li = document.createElement('li');
    li.className = 'search-hit' + (row.level !== 'C' ? ' major' : '');
    var a = document.createElement('a');
    a.href = root + row.date.substring(0, 4) + '/' + row.date.substring(5, 7) + '/' + row.date + '.html#' + row.id;
    var when = document.createElement('span');
    when.className = 'when';
    when.textContent = row.date + ' ' + row.time + (row.level !== 'C' ? ' 重磅' : '');
    a.appendChild(when);
    var title = document.createElement('span');
    title.className = 'title';
    highlight(title, row.title || row.text.substring(0, 30), words);
    a.appendChild(title);
    li.appendChild(a);
    var text = document.createElement('p');
    highlight(text, snippetAround(row.text, words, SNIPPET_CHARS), words);
    li.appendChild(text);
    return li;
  }

  /**
   * Shows the hits known so far, up to s.shown, each as soon as it and those above it have their
   * text; called after every batch of months, so that sparse results appear while later months
   * are still being read.
   */
  function render(s) {
    var words = terms();
    var end = Math.min(s.shown, s.hits.length);
    s.hits.slice(s.rendered, end).map(function (h) { return engine.snippet(h); }).forEach(function (row) {
      s.chain = s.chain.then(function () { return row; }).then(function (r) {
        if (s === state) list.appendChild(hitItem(r, words));
      });
    });
    s.rendered = end;
    return s.chain.then(function () {
      if (s !== state) return;
      var done = s.read >= s.months.length;
      status.textContent = (done ? '共 ' + s.hits.length + ' 条结果' :
          '已找到 ' + s.hits.length + ' 条以上（已搜索 ' + s.read + '/' + s.months.length + ' 个含全部关键词的月份）') +
          (s.hits.length ? '，按月份从新到旧、月内按相关度排列。' : '。');
      more.hidden = s.hits.length <= s.shown && done;
    });
  }

  /** Reads and shows the next page; the list is aria-busy until the page is complete. */
  function showMore() {
    var s = state;
    s.shown += PAGE;
    list.setAttribute('aria-busy', 'true');
    return fill(s, s.shown + 1).then(function () { if (s === state) return render(s); }).then(function () {
      if (s === state) list.setAttribute('aria-busy', 'false');
    });
  }

  function updateUrl() {
    var p = new URLSearchParams();
    if (box.value) p.set('q', box.value);
    if (major.checked) p.set('major', '1');
    if (from.value) p.set('from', from.value);
    if (to.value) p.set('to', to.value);
    try {
      history.replaceState(null, '', location.pathname + (p.toString() ? '?' + p : ''));
    } catch (e) {
      // some browsers refuse replaceState on file:// pages; the search still works
    }
  }

  function run() {
    var my = ++generation;
    updateUrl();
    list.textContent = '';
    more.hidden = true;
    var toks = queryTokens(box.value);
    if (!toks.length) {
      state = null;
      list.setAttribute('aria-busy', 'false');
      status.textContent = box.value.trim() ? '请至少输入两个相连的汉字，或一个英文词、数字、股票代码。' : hint;
      return Promise.resolve();
    }
    status.textContent = '搜索中…';
    return engine.months(toks).then(function (months) {
      if (my !== generation) return;
      // next: months asked for; read: months whose hits are in hits (in month order)
      state = {tokens: toks, months: months.filter(monthInRange), next: 0, read: 0, hits: [], shown: 0, rendered: 0,
        chain: Promise.resolve()};
      return showMore();
    }).catch(function (e) {
      if (my !== generation) return;
      status.textContent = '搜索失败：' + e.message;
      list.setAttribute('aria-busy', 'false');
    });
  }

  var timer = null;
  function debounced() {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  }
  box.addEventListener('input', debounced);
  [major, from, to].forEach(function (el) { el.addEventListener('change', run); });
  more.addEventListener('click', function () { if (state) showMore(); });
  box.form.addEventListener('submit', function (e) {
    e.preventDefault();
    var first = list.querySelector('a');
    if (first) location.href = first.href; else run();
  });
  // "/" focuses the box: site.js does that on every page
  run();
})(this);
