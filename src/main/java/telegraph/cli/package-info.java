/**
 * The command line (picocli): build, watch, serve and export, and the one list of outputs a site
 * is made of ({@link telegraph.cli.SiteOutputs}).
 */
package telegraph.cli;
