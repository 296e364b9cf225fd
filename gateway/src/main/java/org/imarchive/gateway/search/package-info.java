/** Search wiring: the embedded Lucene index or an Elasticsearch cluster, the indexer that derives it, and who sees what. */
package org.imarchive.gateway.search;
