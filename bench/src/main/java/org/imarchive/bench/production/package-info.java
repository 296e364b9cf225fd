/**
 * The production benchmark: our PDF transcripts against raw PDFBox drawing the same lines with the same fonts,
 * and the heap while a large production streams through.
 */
package org.imarchive.bench.production;
