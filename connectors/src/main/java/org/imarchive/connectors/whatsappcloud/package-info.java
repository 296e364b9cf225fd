/**
 * Meta's WhatsApp Business Cloud API webhooks: the X-Hub-Signature-256 check, the subscription handshake, and the
 * pure mapping of webhook bodies (messages, business-app echoes, statuses) to canonical records.
 */
package org.imarchive.connectors.whatsappcloud;
