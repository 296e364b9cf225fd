/**
 * Wires media retrieval and attachment text extraction into the running gateway: the platforms' fetchers whose
 * credentials are configured, both workers with their lifecycles, and their metrics and alerts.
 */
package org.imarchive.gateway.media;
