package org.imarchive.gateway.capture;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.imarchive.archive.model.Platform;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * {@code gateway.accounts.*}: where the register of approved accounts is seeded from: {@code file} (default
 * {@code ./config/accounts.yml}, with requester, approver and justification per account) and {@code approved}, a
 * plain list for automation. A message of any account the register does not hold as approved is quarantined.
 */
@Validated
@ConfigurationProperties("gateway.accounts")
public record ApprovedAccountsProperties(@DefaultValue("./config/accounts.yml") java.nio.file.Path file,
                                         @Valid @DefaultValue List<Account> approved) {

    /** @param businessLine and {@code jurisdiction}: optional, what retention rules match on (config/retention.yml) */
    public record Account(@NotNull Platform platform, @NotBlank String accountId, String owner, String businessLine, String jurisdiction) {
    }
}
