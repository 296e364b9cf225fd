/**
 * The register of approved business accounts: requests with a business justification, approval by a second person,
 * review dates and revocations, seeded from {@code config/accounts.yml}; the source of truth for quarantine.
 */
package org.imarchive.gateway.accounts;
