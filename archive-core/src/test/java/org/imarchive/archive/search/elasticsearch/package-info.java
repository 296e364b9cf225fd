/**
 * Tests of the Elasticsearch adapter against a real cluster named by IMARCHIVE_TEST_ELASTICSEARCH_URL: the shared
 * contract, plus what only a remote index does (reporting refused writes).
 */
package org.imarchive.archive.search.elasticsearch;
