/**
 * Benchmark of retention: assigning class and expiry, evaluating 50 legal holds and planning disposition for a million
 * records, each next to a raw loop doing the least the same job needs.
 */
package org.imarchive.bench.retention;
