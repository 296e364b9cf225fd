/**
 * The Spring Boot application: it wires the archive's ports to their adapters, serves the platform webhooks, the REST
 * API and the reviewers' UI behind the security rules, and runs the command-line tools (verify, ...).
 */
package org.imarchive.gateway;
