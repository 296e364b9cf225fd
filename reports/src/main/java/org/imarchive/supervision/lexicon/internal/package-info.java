/**
 * The machinery under the lexicon engine: a multi-pattern matcher (Aho-Corasick) and a time limit for regexes.
 * Public only so the benchmark can time the bare matcher beside the engine; not an API.
 */
package org.imarchive.supervision.lexicon.internal;
