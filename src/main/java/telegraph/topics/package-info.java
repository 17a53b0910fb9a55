/**
 * Topics (themes, columns, securities, sources, subjects): matching items to them and the topic
 * pages and feeds.
 */
package telegraph.topics;
