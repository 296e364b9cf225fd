/**
 * {@code /api/reports}: the supervision and retention reports of a period, read from the archive, the account register,
 * the review queue and the legal holds, built by {@code org.imarchive.production.report}, as PDF or CSV.
 */
package org.imarchive.gateway.reports;
