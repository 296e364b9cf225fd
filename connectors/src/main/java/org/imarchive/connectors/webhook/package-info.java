/**
 * What every webhook route shares: taking the raw request as the journal keeps it, refusing bad requests with a clear
 * status and reason, and counting every refusal.
 */
package org.imarchive.connectors.webhook;
