/**
 * Sign-in through an OpenID Connect provider: bearer tokens (JWTs) on the API, checked against the issuer's keys,
 * issuer and audience, and the client registration and role mapping a browser sign-in needs. Off unless
 * {@code gateway.security.oidc.issuer-uri} is set.
 */
package org.imarchive.gateway.security.oidc;
