/**
 * RSMF (Relativity Short Message Format) 2.0: one {@code .rsmf} file per conversation, an EML whose attachment
 * {@code rsmf.zip} holds {@code rsmf_manifest.json} (participants, conversation, events with edits, deletions,
 * replies and reactions) and the attachments.
 */
package org.imarchive.production.rsmf;
