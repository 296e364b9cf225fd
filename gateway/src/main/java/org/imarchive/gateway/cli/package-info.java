/**
 * The command-line tools of {@code gateway.jar} ({@code verify}, ...): each starts only the parts it needs, with the
 * same settings as the gateway, so it can run beside a running gateway or on a copy of its data.
 */
package org.imarchive.gateway.cli;
