/**
 * PDF transcripts: one PDF/A-2b per conversation, laid out page by page with the shipped Noto fonts (per-character
 * fallback, Arabic shaping, bidi reordering) and a Bates number continuous across the production.
 */
package org.imarchive.production.pdf;
