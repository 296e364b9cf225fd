/** The review queue's page load on a queue of 100,000 open items, against the bare SQL of the same page. */
package org.imarchive.bench.review;
