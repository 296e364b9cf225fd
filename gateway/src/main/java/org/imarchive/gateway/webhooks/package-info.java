/** The platform webhook routes, wired with the settings and the capture pipeline, and their refusal metrics. */
package org.imarchive.gateway.webhooks;
