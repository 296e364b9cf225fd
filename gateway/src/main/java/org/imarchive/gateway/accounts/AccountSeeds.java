package org.imarchive.gateway.accounts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.imarchive.archive.model.Platform;
import org.imarchive.gateway.capture.ApprovedAccountsProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Seeds the register before capture starts: every account of {@code config/accounts.yml} (with who requested and who
 * approved it, in the file) and of {@code gateway.accounts.approved}. A malformed file stops start-up naming the file,
 * the line and the reason.
 */
@Component
public class AccountSeeds implements InitializingBean {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final AccountRegister register;
    private final ApprovedAccountsProperties properties;

    public AccountSeeds(AccountRegister register, ApprovedAccountsProperties properties) {
        this.register = register;
        this.properties = properties;
    }

    record AccountsFile(List<Entry> accounts) {
    }

    /** @param businessLine and {@code jurisdiction}: optional, what retention rules match on (config/retention.yml) */
    record Entry(Platform platform, String accountId, String owner, String justification, LocalDate reviewDate,
                 String requestedBy, String approvedBy, String businessLine, String jurisdiction) {
    }

    @Override
    public void afterPropertiesSet() {
        Path file = properties.file();
        if (file != null && Files.exists(file)) {
            for (Entry entry : read(file)) {
                register.seed(entry.platform(), entry.accountId(), entry.owner(), entry.justification(), entry.reviewDate(),
                        entry.requestedBy(), entry.approvedBy(), file.getFileName().toString(),
                        new AccountRegister.RetentionFacts(entry.businessLine(), entry.jurisdiction()));
            }
        }
        for (ApprovedAccountsProperties.Account account : properties.approved()) {
            register.seed(account.platform(), account.accountId(), account.owner(), "configured in gateway.accounts.approved",
                    LocalDate.now().plusYears(1), "configuration", "configuration", "gateway.accounts.approved",
                    new AccountRegister.RetentionFacts(account.businessLine(), account.jurisdiction()));
        }
    }

    static List<Entry> read(Path file) {
        try {
            AccountsFile parsed = YAML.readValue(file.toFile(), AccountsFile.class);
            List<Entry> entries = parsed == null || parsed.accounts() == null ? List.of() : parsed.accounts();
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                if (entry.platform() == null || entry.accountId() == null || entry.justification() == null || entry.reviewDate() == null
                        || entry.requestedBy() == null || entry.approvedBy() == null) {
                    throw new IllegalStateException(file + ": account " + (i + 1) + " needs platform, account-id, justification,"
                            + " review-date, requested-by and approved-by");
                }
                if (entry.requestedBy().equals(entry.approvedBy())) {
                    throw new IllegalStateException(file + ": account " + entry.accountId() + " was approved by its own requester");
                }
            }
            return entries;
        } catch (JsonMappingException e) {
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new IllegalStateException(file + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
