/**
 * Text folding for matching: case, diacritics, compatibility forms, typographic quotes and whitespace are folded, and
 * every folded character remembers where it came from, so a match is always reported in the original text.
 */
package org.imarchive.supervision.text;
