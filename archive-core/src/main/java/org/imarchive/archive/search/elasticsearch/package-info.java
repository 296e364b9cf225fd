/**
 * The scale-out search adapter: an Elasticsearch 8.x/9.x cluster through the official Java API client.
 * Needs only core modules on the cluster: text arrives normalized, and queries are translated from the shared parser.
 */
package org.imarchive.archive.search.elasticsearch;
