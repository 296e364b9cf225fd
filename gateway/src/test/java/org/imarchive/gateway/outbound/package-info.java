/** End-to-end tests of sending, reconciliation and Telegram polling, against stand-in platform servers. */
package org.imarchive.gateway.outbound;
