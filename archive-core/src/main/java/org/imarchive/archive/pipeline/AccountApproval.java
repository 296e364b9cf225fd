package org.imarchive.archive.pipeline;

import org.imarchive.archive.model.AccountRef;

/**
 * Whether a business account is one the firm sanctioned (port). A message of an account that is not is still
 * archived, but quarantined and alerted on.
 */
@FunctionalInterface
public interface AccountApproval {
    boolean isApproved(AccountRef account);
}
