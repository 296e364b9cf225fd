/**
 * Twilio's WhatsApp webhooks: the X-Twilio-Signature check and the pure mapping of Twilio's form posts (inbound
 * messages, delivery status callbacks) to canonical records. The Camel route only wires these together.
 */
package org.imarchive.connectors.twilio;
