package org.imarchive.gateway.review;

import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.supervision.queue.ReviewItem;
import org.springframework.stereotype.Component;

/**
 * Tells whether a user is the relationship manager of an item's message: the owner recorded when the item was filed,
 * or the account's owner now (an account handed over since still counts its former owner as recorded). Such a user
 * may neither be assigned the item nor decide it.
 */
@Component
public class SelfReviewGuard {
    private final AccountRegister accounts;
    private final ArchiveStore store;

    public SelfReviewGuard(AccountRegister accounts, ArchiveStore store) {
        this.accounts = accounts;
        this.store = store;
    }

    public boolean ownsMessageOf(String user, ReviewItem item) {
        if (user.equals(item.rm())) {
            return true;
        }
        return store.message(item.messageId())
                .flatMap(message -> accounts.ownerOf(message.key().account()))
                .filter(user::equals)
                .isPresent();
    }
}
