package org.imarchive.gateway.cli;

import org.imarchive.gateway.config.ArchiveStorageConfiguration;
import org.imarchive.gateway.config.GatewayProperties;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** What the command-line tools need: settings, the metadata database and the archive's storage; no web, no capture. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@Import({ArchiveStorageConfiguration.class, VerifyCommand.class})
class CommandConfiguration {
}
