/** Tests of the reports API over a gateway of its own, so its figures are exactly those of a known archive. */
package org.imarchive.gateway.reports;
