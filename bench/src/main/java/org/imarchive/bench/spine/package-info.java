/** Benchmarks of the archive's spine: capture and commit, next to the raw disk they stand on. */
package org.imarchive.bench.spine;
