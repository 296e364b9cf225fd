package org.imarchive.retention.erasure;

import java.time.LocalDate;

/**
 * Why a record was not erased: the Art. 17(3) exemption and the duty behind it.
 *
 * @param basis     the retention rule's legal basis, or the hold's matter
 * @param reference the retention class, or the hold id
 * @param until     the day the retention duty ends; null for a hold, which lasts until it is released
 */
public record ErasureGround(Exemption exemption, String basis, String reference, LocalDate until) {

    public enum Exemption {
        /** Art. 17(3)(b): a legal obligation to keep the record (the retention rule). */
        LEGAL_OBLIGATION("GDPR Art. 17(3)(b)"),
        /** Art. 17(3)(e): needed for legal claims (a legal hold). */
        LEGAL_CLAIMS("GDPR Art. 17(3)(e)");

        private final String article;

        Exemption(String article) {
            this.article = article;
        }

        public String article() {
            return article;
        }
    }
}
