/** Tests of legal holds in the gateway: the query matcher on both index adapters, and the holds API end to end. */
package org.imarchive.gateway.holds;
