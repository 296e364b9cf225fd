/** The REST API under {@code /api}: JSON in and out, every read and every refusal audited. */
package org.imarchive.gateway.api;
