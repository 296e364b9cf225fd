/**
 * What a produced message says, once, for every format: versions, deletion, reply quote, reaction, attachments,
 * deliveries and times in UTC and the firm's zone. The PDF, EML and RSMF writers only lay it out.
 */
package org.imarchive.production.view;
