package org.imarchive.connectors.webhook;

/** Counts refused webhook requests by route and status (port; the gateway backs it with Micrometer). */
@FunctionalInterface
public interface RefusalCounter {
    void refused(String routeId, int status, String reason);
}
