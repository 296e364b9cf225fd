/**
 * The review queue's rules and its store: the states an item moves through, what a decision does to it, how old and
 * how late it is, and the append-only tables (plain JDBC, H2 or PostgreSQL) that keep every review's evidence.
 */
package org.imarchive.supervision.queue;
