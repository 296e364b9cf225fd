/**
 * Who may do what: local users (bcrypt) with HTTP Basic on the embedded default, the roles and their separation of
 * duties, the first administrator, and the auditing of every refused attempt.
 */
package org.imarchive.gateway.security;
