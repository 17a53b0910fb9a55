/*
 * Reads the index's files and the export's chunks (search.md "Files"): every one is a script,
 * search/KEY.js calling telegraphSearchData(KEY, "…") or data/KEY.js calling telegraphData(KEY, "…").
 * From file://, where fetch() is blocked, a <script> tag runs it; over HTTP the page fetches the
 * same file and takes the string between the quotes: the same data either way.
 */
(function (global, S) {
  'use strict';
  if (typeof document === 'undefined') return;

  // key → resolvers waiting for its script's data (two loaders may ask for the same file)
  var pending = {};
  function receiver(prefix) {
    return function (key, data) {
      (pending[prefix + key] || []).forEach(function (resolve) { resolve(data); });
      delete pending[prefix + key];
    };
  }
  global.telegraphSearchData = receiver('');
  global.telegraphData = receiver(S.DATA);

  function fetchPiece(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error('cannot load ' + url + ' (' + response.status + ')');
      return response.text();
    }).then(function (text) {
      var end = text.lastIndexOf('"');
      return text.substring(text.lastIndexOf('"', end - 1) + 1, end);
    });
  }

  function scriptPiece(key, url) {
    return new Promise(function (resolve, reject) {
      var settled = false;
      (pending[key] = pending[key] || []).push(function (data) {
        settled = true;
        resolve(data);
      });
      var script = document.createElement('script');
      script.src = url;
      script.onload = function () {
        script.remove();
        if (!settled) reject(new Error('no data in ' + url));
      };
      script.onerror = function () {
        script.remove();
        delete pending[key];
        reject(new Error('cannot load ' + url));
      };
      document.head.appendChild(script);
    });
  }

  /**
   * A loader of the site under root: load(key) is a promise of search/KEY.js decoded, or, for
   * S.DATA + 'YYYY-MM/N', of data/YYYY-MM/N.js's items; each file is read once.
   */
  function loader(root) {
    var viaFetch = /^https?:$/.test(location.protocol) && typeof fetch === 'function', cache = {};
    return function load(key) {
      if (!cache[key]) {
        var data = key.indexOf(S.DATA) === 0;
        var url = root + (data ? 'data/' + key.substring(S.DATA.length) : 'search/' + key) + '.js';
        cache[key] = (viaFetch ? fetchPiece(url) : scriptPiece(key, url)).then(data ? S.decodeLines : S.decode).catch(function (e) {
          delete cache[key]; // a failed file may be asked for again
          throw e;
        });
      }
      return cache[key];
    };
  }

  S.loader = loader;
})(this, this.telegraphSearch);
