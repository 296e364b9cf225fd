package org.imarchive.gateway.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountSeedsTest {
    @TempDir
    Path dir;

    @Test
    void aMalformedFileIsRefusedWithItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("accounts.yml"), """
                accounts:
                  - platform: whatsapp
                    account-id: "+15550001111"
                    justfication: typo in the key
                """);
        assertThatThrownBy(() -> AccountSeeds.read(file)).hasMessageMatching("(?s).*accounts.yml line [45]: .*").hasMessageContaining("justfication");
    }

    @Test
    void anAccountApprovedByItsOwnRequesterIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("accounts.yml"), """
                accounts:
                  - platform: telegram
                    account-id: BC1
                    justification: desk
                    review-date: 2027-01-31
                    requested-by: alice
                    approved-by: alice
                """);
        assertThatThrownBy(() -> AccountSeeds.read(file)).hasMessageContaining("approved by its own requester");
    }

    @Test
    void theShippedFileReads() {
        assertThat(AccountSeeds.read(Path.of("../config/accounts.yml"))).isEmpty();
    }
}
