/**
 * Capture wiring: the journal, the committer pipeline and its metrics and alerts, and the registry of approved
 * business accounts it governs by.
 */
package org.imarchive.gateway.capture;
