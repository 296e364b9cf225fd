package org.imarchive.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * {@code gateway.archive.encryption.*}: encryption at rest (ADR 0014). On by default. The master key comes from
 * {@code master-key} (base64 of 32 random bytes; from the environment or a secret store, never a file in the
 * repository) or {@code master-key-file}; on the embedded default with neither, one is generated once under the data
 * directory. {@link #toString()} never shows the key.
 */
@Validated
@ConfigurationProperties("gateway.archive.encryption")
public record EncryptionProperties(@DefaultValue("true") boolean enabled, String masterKey, Path masterKeyFile) {

    @Override
    public String toString() {
        return "EncryptionProperties[enabled=" + enabled + ", masterKey=" + (masterKey == null ? "unset" : "(set)")
                + ", masterKeyFile=" + masterKeyFile + "]";
    }
}
