/**
 * Completeness against the platform's own record: list an account's messages at Twilio for a window, archive every one
 * the archive lacks, and keep the report (on demand through the API, and on a schedule).
 */
package org.imarchive.gateway.outbound.reconciliation;
