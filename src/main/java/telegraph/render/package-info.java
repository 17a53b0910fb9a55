/**
 * Pages through FreeMarker: the renderer, the models handed to templates, the paths of the site,
 * and {@link telegraph.render.ArchiveOutput}, the contract of every archive-wide output.
 */
package telegraph.render;
