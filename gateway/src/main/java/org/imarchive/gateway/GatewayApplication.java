package org.imarchive.gateway;

import org.imarchive.gateway.cli.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GatewayApplication {

    public static void main(String[] args) {
        if (args.length > 0 && Commands.isCommand(args[0])) {
            System.exit(Commands.run(args));
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
