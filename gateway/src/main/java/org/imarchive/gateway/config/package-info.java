/** The gateway's settings (typed, validated at start-up) and the wiring of the archive's ports to their adapters. */
package org.imarchive.gateway.config;
