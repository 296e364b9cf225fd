package org.imarchive.gateway.cli;

import org.imarchive.gateway.config.ArchiveStorageConfiguration;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.gateway.capture.ApprovedAccountsProperties;
import org.imarchive.gateway.config.GatewayProperties;
import org.imarchive.gateway.search.SearchConfiguration;
import org.imarchive.gateway.search.SearchProperties;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** What the command-line tools need: settings, the metadata database, the archive's storage and search; no web, no capture. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GatewayProperties.class, org.imarchive.gateway.config.EncryptionProperties.class, SearchProperties.class, ApprovedAccountsProperties.class})
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
@Import({ArchiveStorageConfiguration.class, AccountRegister.class, SearchConfiguration.class, VerifyCommand.class, ReindexCommand.class})
class CommandConfiguration {
}
