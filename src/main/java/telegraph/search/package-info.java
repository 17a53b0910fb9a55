/**
 * The search index in elasticlunr's format: tokeniser, month shards, the token directory and the
 * text store for snippets.
 */
package telegraph.search;
