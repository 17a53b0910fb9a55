/**
 * The JSON export: one gzip JSON Lines file per month and an index, the same bytes every time; the
 * search index is made from its entries.
 */
package telegraph.export;
