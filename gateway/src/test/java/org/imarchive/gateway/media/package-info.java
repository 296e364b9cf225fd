/** Media retrieval and attachment text through the whole gateway, against a stand-in Twilio. */
package org.imarchive.gateway.media;
