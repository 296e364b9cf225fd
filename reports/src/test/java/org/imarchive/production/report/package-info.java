/** Tests of the supervision and retention reports: their figures for a known period, and their CSV and PDF forms. */
package org.imarchive.production.report;
