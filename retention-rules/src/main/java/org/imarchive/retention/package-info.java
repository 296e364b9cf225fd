/**
 * What the archive must keep, for how long, and what it may dispose of or erase: {@code policy} (retention rules),
 * {@code hold} (legal holds), {@code disposition} (plans, four-eyes approval, certificates), {@code erasure} (GDPR
 * Art. 17 requests). Pure logic: the store, the API and the jobs supply the records and keep the results.
 */
package org.imarchive.retention;
