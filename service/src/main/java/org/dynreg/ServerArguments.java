package org.dynreg;

import org.dynreg.cli.CommandLineOptions;

import java.io.PrintStream;
import java.util.List;

/**
 * The server's command line: settings as {@code --name=value} under the prefixes the service reads
 * (docs/operator-guide.md). Anything else, a misspelt command word or a setting under no known prefix,
 * is refused rather than ignored, so that {@code java -jar ... benchmrk} does not start a server.
 */
final class ServerArguments {

    /** Prefixes of the settings the service and its frameworks read. */
    static final List<String> SETTING_PREFIXES = List.of("dynreg.", "server.", "spring.", "management.", "logging.",
            "springdoc.", "kogito.", "kie.", "jbpm.");

    private ServerArguments() {
    }

    static void check(String[] args) {
        for (String arg : args) {
            if (arg.equals("--debug") || arg.equals("--trace")) {
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new CommandLineOptions.Refused("unknown command '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new CommandLineOptions.Refused("'" + arg + "' is not a setting: write --name=value");
            }
            String name = arg.substring(2, eq);
            if (SETTING_PREFIXES.stream().noneMatch(name::startsWith)) {
                throw new CommandLineOptions.Refused("unknown setting '" + name + "': settings start with one of "
                        + String.join(", ", SETTING_PREFIXES));
            }
        }
    }

    static void printUsage(PrintStream out) {
        out.println("""
                usage: java -jar dynreg-service-exec.jar [--name=value ...]   start the service
                       java -jar dynreg-service-exec.jar shell [command]     the shell, a client of a running service ('shell help')
                       java -jar dynreg-service-exec.jar benchmark [options] the benchmark ('benchmark --help')
                settings (docs/operator-guide.md) are given as --name=value, for example --server.port=8081,
                with a name starting with one of:\s""" + String.join(", ", SETTING_PREFIXES) + """

                       or through environment variables (DYNREG_DB_URL and so on).""");
    }
}
