/**
 * What the platforms' media fetchers share: sending a download over {@link java.net.http.HttpClient} and classifying
 * its failures, with reasons that never carry a credential or a URL that holds one.
 */
package org.imarchive.connectors.media;
