/**
 * The lexicon engine: all policies compiled into one matcher, run over a message's text and its attachments' text,
 * giving hits that say which policy version and rule matched, and where in the original text.
 */
package org.imarchive.supervision.lexicon;
