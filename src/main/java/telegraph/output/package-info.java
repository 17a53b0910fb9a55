/**
 * The bottom layer every output writes through: the writer (temporary file, then move into place),
 * the journal that undoes a failed build, the lock on an output folder, the build marker and
 * stale-file removal. It imports nothing of the stages above it.
 */
package telegraph.output;
