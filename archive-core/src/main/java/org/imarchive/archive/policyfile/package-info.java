/**
 * Reading the policy files people write (lexicons, retention): YAML with every refusal naming file, line and column,
 * and the content hash that versions a policy. Shared by the supervision and retention loaders.
 */
package org.imarchive.archive.policyfile;
