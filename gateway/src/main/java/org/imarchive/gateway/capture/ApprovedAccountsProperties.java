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
 * {@code gateway.accounts.approved}: the business accounts the firm sanctioned, each with the relationship manager it
 * belongs to. A message of any other account is archived but quarantined.
 */
@Validated
@ConfigurationProperties("gateway.accounts")
public record ApprovedAccountsProperties(@Valid @DefaultValue List<Account> approved) {

    public record Account(@NotNull Platform platform, @NotBlank String accountId, String owner) {
    }
}
