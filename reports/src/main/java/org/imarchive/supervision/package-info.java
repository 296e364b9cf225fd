/**
 * Supervision of correspondence (FINRA 3110(b)(4)): lexicon policies flag messages, random sampling picks more, and
 * every decision carries what an examiner needs to recompute it (policy version and hash, matched span, sample seed).
 */
package org.imarchive.supervision;
