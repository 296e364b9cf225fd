/** The scheduled self-check: the verifier run on a timer, its result in the health status and in the log. */
package org.imarchive.gateway.integrity;
