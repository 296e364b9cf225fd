package org.imarchive.gateway.cli;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Dispatches {@code java -jar gateway.jar <command> [--setting=value ...]}. Settings are read exactly as the gateway
 * reads them (application.yml, environment, {@code --name=value}), so {@code --gateway.data-dir=DIR} works.
 */
public final class Commands {
    private static final Map<String, ToIntFunction<ConfigurableApplicationContext>> COMMANDS = Map.of(
            "verify", context -> context.getBean(VerifyCommand.class).run(),
            "reindex", context -> context.getBean(ReindexCommand.class).run());

    private Commands() {
    }

    /** Needs nothing of ours but the file: a regulator runs it on the production alone. */
    private static final String VERIFY_EXPORT = "verify-export";

    public static boolean isCommand(String word) {
        return COMMANDS.containsKey(word) || VERIFY_EXPORT.equals(word);
    }

    private static int verifyExport(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: java -jar gateway.jar verify-export FILE.zip [MANIFEST-SHA256]");
            return 2;
        }
        try {
            return org.imarchive.production.ProductionVerifier.report(java.nio.file.Path.of(args[1]), args.length > 2 ? args[2] : null, System.out);
        } catch (java.io.IOException e) {
            System.err.println("verify-export failed: " + e.getMessage());
            return 2;
        }
    }

    public static int run(String[] args) {
        String command = args[0];
        if (VERIFY_EXPORT.equals(command)) {
            return verifyExport(args);
        }
        // quiet by default: a command prints its report, not the framework's start-up; --logging.level.root=INFO overrides
        String[] settings = new String[args.length];
        settings[0] = "--logging.level.root=WARN";
        System.arraycopy(args, 1, settings, 1, args.length - 1);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandConfiguration.class)
                .web(WebApplicationType.NONE)
                .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("spring.main.lazy-initialization=true")
                .run(settings)) {
            return COMMANDS.get(command).applyAsInt(context);
        } catch (RuntimeException e) {
            System.err.println(command + " failed: " + e.getMessage());
            return 2;
        }
    }
}
