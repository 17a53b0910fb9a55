/**
 * The archive as values: days, items, their versions and problems; immutable records that every
 * stage reads and none of them changes.
 */
package telegraph.model;
