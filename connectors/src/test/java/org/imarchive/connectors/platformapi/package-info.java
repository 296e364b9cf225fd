/** Tests of the platform-API plumbing, and the stand-in platform server the connector tests call. */
package org.imarchive.connectors.platformapi;
