/* A query's exact results: the index's candidates, each checked in its text, newest first, counted, ordered. */
(function (S) {
  'use strict';

  /** load(key): a promise of search/KEY.js decoded, or for DATA + 'YYYY-MM/N' of data/YYYY-MM/N.js's items. */
  function Engine(load, elasticlunr) {
    this.load = load;
    this.elasticlunr = elasticlunr;
    this.indexes = {};
    this.entries = {};
    this.exacts = {};
    this.manifest = load('manifest');
  }

  /**
   * The query's plan, with the manifest's prefix length; exact: whether the index alone tells
   * its results (search-exact.js), key: what the plan's results depend on.
   */
  Engine.prototype.plan = function (query, filters) {
    return this.manifest.then(function (m) {
      var p = S.plan(query, filters, m.prefixMax);
      p.exact = !!m.positions && S.exactPlan(p, m.prefixMax);
      p.key = JSON.stringify([p.terms, p.filters]);
      return p;
    });
  };

  /**
   * What the directory says of the plan's tokens: {months, idf, bound, count}. months: those
   * holding every token, within the filters' dates, newest first, each {month, items, dfs, where,
   * shards, chunks, refs} (where[k]: token k's df, or its few refs "r,r"; shards: the first token of
   * each of the month's shards; chunks: the first ref of each text chunk; refs: the first and last
   * ref within the filters' dates). count: the exact number of results where the index alone can
   * tell it, else null; bound: at most this many.
   */
  Engine.prototype.prepare = function (p) {
    var self = this;
    return this.manifest.then(function (manifest) {
      return Promise.all(p.tokens.map(function (t) { return self.entry(t); })).then(function (lists) {
        var stride = manifest.directoryStride, dfs = {}, where = {}, totals = {}, items = 0, idf = {};
        manifest.months.forEach(function (m) { items += m.items; });
        lists.forEach(function (list, k) {
          var total = 0;
          for (var i = 0; i < list.length; i += stride) {
            var refs = list[i + 1], df = typeof refs === 'string' ? refs.split(',').length : refs;
            (dfs[list[i]] = dfs[list[i]] || [])[k] = df;
            (where[list[i]] = where[list[i]] || [])[k] = refs;
            total += df;
          }
          totals[p.tokens[k]] = total;
        });
        p.scored.forEach(function (t) { idf[t] = Math.round(100 * (1 + Math.log(items / (totals[t] + 1)))); });
        var f = p.filters, months = [], bound = 0;
        manifest.months.forEach(function (m) {
          if (f.day && m.month !== f.day.substring(0, 7)) return;
          if (f.from && m.month < f.from.substring(0, 7)) return;
          if (f.to && m.month > f.to.substring(0, 7)) return;
          var d = dfs[S.yyyymm(m.month)];
          for (var k = 0; k < p.tokens.length; k++) if (!d || d[k] === undefined) return;
          var refs = S.refRange(m, f);
          if (refs[0] > refs[1]) return;
          months.push({month: m.month, items: m.items, dfs: d, where: where[S.yyyymm(m.month)], shards: m.shards,
            chunks: m.chunks, refs: refs});
          bound += Math.min.apply(null, d);
        });
        return {months: months, idf: idf, bound: bound, count: p.countable ? bound : null};
      });
    });
  };

  /** Refs of the month's items holding token k, from the directory or the token's shard. */
  Engine.prototype.tokenRefs = function (month, t, k) {
    var where = month.where[k];
    if (typeof where === 'string') return Promise.resolve(where.split(',').map(function (r) { return S.posting(r)[0]; }));
    var self = this;
    // A shard holds up to 100,000 postings, a query needs one token's: the page loads, with stock
    // Index.load, the elasticlunr index of the shard's part that holds the token, which costs a
    // few milliseconds where the whole shard cost ~70 (the Node test loads every whole shard).
    return this.shard(month, t).then(function (shard) {
      var i = shard.at.get(t);
      if (i === undefined) return [];
      var index = self.elasticlunr.Index.load(S.expandShard({tokens: [t], postings: [shard.postings[i]], items: shard.items}));
      var docs = index.index[index.getFields()[0]].getDocs(t);
      return Object.keys(docs).map(function (r) { return parseInt(r, 36); });
    });
  };

  /** The month's shard that would hold token t, with `at`: token → its place. */
  Engine.prototype.shard = function (month, t) {
    var shard = 0;
    while (shard + 1 < month.shards.length && month.shards[shard + 1] <= t) shard++;
    var key = month.month + '/s-' + shard;
    if (!this.indexes[key]) {
      this.indexes[key] = this.load(key).then(function (shard) {
        shard.at = new Map();
        shard.tokens.forEach(function (token, i) { shard.at.set(token, i); });
        return shard;
      });
    }
    return this.indexes[key];
  };

  /** A token's postings in a month with their positions, Map ref → positions: from the directory or its shard. */
  Engine.prototype.monthPostings = function (month, t) {
    var self = this, ym = S.yyyymm(month.month);
    return Promise.all([this.manifest, this.entry(t)]).then(function (r) {
      var list = r[1];
      for (var i = 0; i < list.length; i += r[0].directoryStride) {
        if (list[i] !== ym) continue;
        if (typeof list[i + 1] === 'string') return S.postingMap(list[i + 1], false);
        return self.shard(month, t).then(function (shard) {
          var k = shard.at.get(t);
          return S.postingMap(k === undefined ? '' : shard.postings[k], true);
        });
      }
      return new Map();
    });
  };

  /**
   * An exact plan's results in a month, newest first, each {ref, version} (search-exact.js),
   * from the postings of its terms' tokens, excluded terms too, and of its topics: no text read.
   */
  Engine.prototype.exact = function (month, p) {
    var key = month.month + '\n' + p.key, self = this;
    if (!this.exacts[key]) {
      var terms = Promise.all(p.terms.map(function (term) {
        return Promise.all(S.exactTokens(term).map(function (t) { return self.monthPostings(month, t); }))
          .then(function (lists) { return {term: term, holders: S.holders(term, lists)}; });
      }));
      var topics = Promise.all(p.tokens.filter(function (t) { return t.charAt(0) === S.TOPIC_MARK; })
        .map(function (t) { return self.monthPostings(month, t); }));
      this.exacts[key] = Promise.all([terms, topics]).then(function (r) { return S.matchMonth(r[0], r[1], month.refs); });
    }
    return this.exacts[key];
  };

  /**
   * The exact number of an exact plan's results, {total, months: [{month, count}] newest first},
   * from the index alone; null for a plan the text must check.
   */
  Engine.prototype.counts = function (p, prepared) {
    if (!p.exact) return Promise.resolve(null);
    var self = this;
    return Promise.all(prepared.months.map(function (m) { return self.exact(m, p); })).then(function (lists) {
      var total = 0, months = [];
      lists.forEach(function (hits, i) {
        total += hits.length;
        months.push({month: prepared.months[i].month, count: hits.length});
      });
      return {total: total, months: months};
    });
  };

  /**
   * The refs of every token in [lo, hi) that the month's shards hold, {token: [ref]}: tokens held
   * by at most 3 of the month's items are only in the directory (entry()).
   */
  Engine.prototype.tokensBetween = function (month, lo, hi) {
    var self = this;
    return Promise.all(S.shardsBetween(month.shards, lo, hi).map(function (n) {
      return self.load(month.month + '/s-' + n);
    })).then(function (shards) {
      var out = {};
      shards.forEach(function (shard) {
        var tokens = [], postings = [];
        shard.tokens.forEach(function (t, i) {
          if (t >= lo && t < hi) {
            tokens.push(t);
            postings.push(shard.postings[i]);
          }
        });
        if (!tokens.length) return;
        var index = self.elasticlunr.Index.load(S.expandShard({tokens: tokens, postings: postings, items: shard.items}));
        var field = index.index[index.getFields()[0]];
        tokens.forEach(function (t) {
          out[t] = Object.keys(field.getDocs(t)).map(function (r) { return parseInt(r, 36); });
        });
      });
      return out;
    });
  };

  /** A token's directory entry: [yyyymm, df or "refs", …], newest first. */
  Engine.prototype.entry = function (token) {
    var self = this;
    if (!this.entries[token]) {
      this.entries[token] = this.manifest.then(function (m) {
        return self.load('dir/' + S.bucket(token, m.directoryBuckets)).then(function (dir) { return S.bucketEntries(dir, token); });
      });
    }
    return this.entries[token];
  };

  /**
   * The month's candidates, newest first: for an exact plan its results; else items holding every token. When the rarest token's
   * refs are in the directory, those few are the candidates (their text is checked anyway), and
   * no shard is read for the query's words; a topic's token is always read, as no text tells it.
   */
  Engine.prototype.candidates = function (month, p) {
    if (p.exact) return this.exact(month, p).then(function (hits) { return hits.map(function (h) { return h.ref; }); });
    var rarest = 0;
    month.dfs.forEach(function (df, k) { if (df < month.dfs[rarest]) rarest = k; });
    var self = this;
    var wanted = p.tokens.map(function (t, k) { return k; });
    if (typeof month.where[rarest] === 'string') {
      wanted = wanted.filter(function (k) { return k === rarest || p.tokens[k].charAt(0) === S.TOPIC_MARK; });
    }
    return Promise.all(wanted.map(function (k) { return self.tokenRefs(month, p.tokens[k], k); })).then(function (lists) {
      var refs = lists[0];
      for (var i = 1; i < lists.length; i++) {
        var has = {};
        lists[i].forEach(function (r) { has[r] = true; });
        refs = refs.filter(function (r) { return has[r]; });
      }
      return refs.filter(function (r) { return r >= month.refs[0] && r <= month.refs[1]; })
        .sort(function (a, b) { return b - a; });
    });
  };

  /** A chunk of a month's text, the export's: rows [id, date, when, level, title, body, rest, lead]. */
  Engine.prototype.chunk = function (month, n) {
    return this.load(S.DATA + month + '/' + n).then(function (items) { return items.map(S.row); });
  };

  /** Candidates checked at least at a time. */
  var BATCH = 10;

  /**
   * A search in progress: hits come newest first as months and their chunks are read.
   * next(want) reads until `want` hits are known or all are; hits are {month, ref, row, score,
   * version}, version the earlier version that holds the query where the item's own text does not.
   */
  function Search(engine, p, prepared) {
    this.engine = engine;
    this.plan = p;
    this.prepared = prepared;
    this.hits = [];
    this.month = 0; // next month to read
    this.queue = []; // candidates of the month being read, newest first
    this.done = !p.indexed || prepared.months.length === 0;
    this.monthsRead = 0;
  }
  Search.prototype.next = function (want) {
    var self = this;
    // one reader at a time: the page's next page and its background count share the queue
    this.reading = (this.reading || Promise.resolve()).then(function () { return self.step(want); });
    return this.reading;
  };
  Search.prototype.step = function (want) {
    var self = this;
    if (this.done || this.hits.length >= want) return Promise.resolve(this.hits);
    if (!this.queue.length) {
      if (this.month >= this.prepared.months.length) {
        this.done = true;
        return Promise.resolve(this.hits);
      }
      var month = this.prepared.months[this.month++];
      return this.engine.candidates(month, this.plan).then(function (refs) {
        self.queue = refs.map(function (r) {
          var n = 0;
          while (n + 1 < month.chunks.length && month.chunks[n + 1] <= r) n++;
          return {month: month.month, ref: r, chunk: n, row: r - month.chunks[n]};
        });
        if (!refs.length) self.monthsRead++;
        return self.step(want);
      });
    }
    // the next candidates, as many as hits are still wanted (at least a page), their chunks read
    // side by side: a page's few hits are spread over several chunks
    var batch = this.queue.splice(0, Math.min(this.queue.length, Math.max(BATCH, want - this.hits.length)));
    var chunks = {};
    batch.forEach(function (c) {
      if (!chunks[c.chunk]) chunks[c.chunk] = self.engine.chunk(c.month, c.chunk);
    });
    return Promise.all(batch.map(function (c) { return chunks[c.chunk]; })).then(function (rows) {
      batch.forEach(function (c, i) {
        var row = rows[i][c.row], text = S.accepts(row, self.plan);
        if (text) self.hits.push({month: c.month, ref: c.ref, row: row, version: text === row ? null : text});
      });
      if (!self.queue.length) self.monthsRead++;
      return self.step(want);
    });
  };
  /** Every hit, scored, in the given order: 'new' (newest first) or 'best'. */
  Search.prototype.all = function (sort) {
    var self = this;
    return this.next(Infinity).then(function (hits) {
      var prefixMax = null;
      return self.engine.manifest.then(function (m) {
        prefixMax = m.prefixMax;
        hits.forEach(function (h) { h.score = S.score(h.row, self.plan, self.prepared, prefixMax); });
        return sorted(hits, sort);
      });
    });
  };
  function sorted(hits, sort) {
    var out = hits.slice();
    out.sort(function (a, b) {
      return (sort === 'best' ? b.score - a.score : 0) || (a.month < b.month ? 1 : a.month > b.month ? -1 : b.ref - a.ref);
    });
    return out;
  }

  /** Starts a search: a promise of a Search (done at once when nothing in the query is indexed). */
  Engine.prototype.search = function (query, filters) {
    var self = this;
    return this.plan(query, filters).then(function (p) {
      return self.prepare(p).then(function (prepared) { return new Search(self, p, prepared); });
    });
  };

  /** Every hit of the query in order, with the count (used by the tests). */
  Engine.prototype.searchAll = function (query, filters, sort) {
    return this.search(query, filters).then(function (s) {
      return s.all(sort).then(function (hits) { return {hits: hits, count: hits.length, indexCount: s.prepared.count}; });
    });
  };

  S.Engine = Engine;
})(this.telegraphSearch);
