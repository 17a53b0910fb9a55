/**
 * Day files of every layout into the model: one reader per layout, the text cleaner, ids, versions
 * and near-duplicates.
 */
package telegraph.parse;
