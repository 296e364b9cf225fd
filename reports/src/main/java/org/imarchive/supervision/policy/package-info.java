/**
 * Lexicon policies: what a bank's written supervisory procedures say to look for, loaded from YAML files that are
 * versioned and hashed, so each hit can name the exact policy content it was found under.
 */
package org.imarchive.supervision.policy;
