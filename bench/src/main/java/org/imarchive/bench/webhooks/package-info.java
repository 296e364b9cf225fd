/** Benchmarks of the platform webhooks on a running gateway: acknowledgement latency under load, and time to search. */
package org.imarchive.bench.webhooks;
