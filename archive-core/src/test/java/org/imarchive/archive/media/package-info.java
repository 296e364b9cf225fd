/** Tests of media retrieval and attachment text extraction against a real embedded archive and Tika. */
package org.imarchive.archive.media;
