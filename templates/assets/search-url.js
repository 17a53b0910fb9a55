/*
 * What a search page's address keeps (search.md): the query, the order, the filters and how many
 * pages of results the reader has seen, so that a reload or a shared link shows the same place.
 * Runs in the browser (search.html, before search.js) and under Node (src/test/node/facets-test.js).
 */
(function (global) {
  'use strict';

  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  /** A topic key, kind/slug; ~ would make it a token of its own. */
  var TOPIC = /^[a-z]+\/[^\s~]+$/;
  /** Pages a link may ask for at once: each is read before the page shows it. */
  var MAX_PAGES = 50;

  function date(value) {
    return DATE.test(value || '') ? value : '';
  }

  /** The state an address holds, anything malformed left out. params: a URLSearchParams. */
  function read(params) {
    var topics = [];
    params.getAll('topic').forEach(function (t) {
      if (TOPIC.test(t) && topics.indexOf(t) < 0) topics.push(t);
    });
    var page = parseInt(params.get('page'), 10);
    return {
      q: params.get('q') || '', sort: params.get('sort') === 'best' ? 'best' : 'new', day: date(params.get('day')),
      topics: topics, major: params.get('major') === '1', from: date(params.get('from')), to: date(params.get('to')),
      page: page >= 1 ? Math.min(page, MAX_PAGES) : 1
    };
  }

  /** The query string of a state, defaults left out, in a fixed order. */
  function write(state) {
    var p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    if (state.sort === 'best') p.set('sort', 'best');
    if (state.day) p.set('day', state.day);
    state.topics.forEach(function (t) { p.append('topic', t); });
    if (state.major) p.set('major', '1');
    if (state.from) p.set('from', state.from);
    if (state.to) p.set('to', state.to);
    if (state.page > 1) p.set('page', String(state.page));
    return p.toString();
  }

  /** The first and last day of a month (YYYY-MM), what a click on the timeline filters by. */
  function monthRange(month) {
    var y = parseInt(month.substring(0, 4), 10), m = parseInt(month.substring(5, 7), 10);
    var last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return {from: month + '-01', to: month + '-' + ('0' + last).slice(-2)};
  }

  var api = {read: read, write: write, monthRange: monthRange, MAX_PAGES: MAX_PAGES};
  if (typeof module === 'object' && module.exports) module.exports = api;
  global.telegraphSearchUrl = api;
})(this);
