/** A stand-in HTTP server that plays a platform's media endpoints for the fetchers' tests. */
package org.imarchive.connectors.media;
