/**
 * Supervision and retention reports for a period in the firm's time zone: pure figures built from facts the gateway
 * reads (captures, the account register, review items, holds), written as PDF and CSV.
 */
package org.imarchive.production.report;
