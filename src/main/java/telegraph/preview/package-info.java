/**
 * The preview server and the content watcher behind {@code serve} and {@code watch}.
 */
package telegraph.preview;
