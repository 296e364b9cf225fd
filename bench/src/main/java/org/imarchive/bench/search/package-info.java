/**
 * The search benchmark of issue 4: generated chat messages indexed through our adapters and through the raw engines,
 * then query latency on the embedded index. Run {@link org.imarchive.bench.search.SearchBench}.
 */
package org.imarchive.bench.search;
