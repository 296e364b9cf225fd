/**
 * Who may do what: local users (bcrypt) and, when configured, a directory ({@code ldap}) and an OIDC provider
 * ({@code oidc}) whose groups map to the roles; the roles and their separation of duties, the first administrator,
 * the lockout, and the auditing of every refused attempt.
 */
package org.imarchive.gateway.security;
