/**
 * Benchmark of the lexicon engine: policy evaluation throughput next to one bare Aho-Corasick pass and one pass of
 * the regexes over the same generated chat traffic.
 */
package org.imarchive.bench.supervision;
