/**
 * Retention in the running gateway: each record's retention at commit from {@code config/retention.yml}, re-evaluation
 * when the policy version changes (extend only), the scheduled disposition with its four-eyes approval and hash-chained
 * certificates, and GDPR erasure requests. The rules themselves are in the retention-rules module.
 */
package org.imarchive.gateway.retention;
