/**
 * The build itself: finding day files, deciding from the manifest what changed, reading and
 * rendering month by month on all cores, then the archive-wide outputs in the order given.
 */
package telegraph.site;
