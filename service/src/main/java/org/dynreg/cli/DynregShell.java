package org.dynreg.cli;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.WebApplicationType;
import org.jline.utils.AttributedString;
import org.springframework.context.annotation.Bean;
import org.springframework.shell.CommandNotFound;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.shell.boot.TerminalCustomizer;
import org.springframework.shell.command.annotation.CommandScan;
import org.springframework.shell.command.CommandExecution.CommandParserExceptionsException;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The shell: a thin client of the running service's REST API, so that it never competes with the
 * server for the database. Commands run once and exit with a meaningful code when given on the
 * command line; with no command it is interactive.
 */
@SpringBootApplication(exclude = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        HibernateJpaAutoConfiguration.class, JpaRepositoriesAutoConfiguration.class, FlywayAutoConfiguration.class,
        SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@CommandScan
public class DynregShell {

    /** The interactive shell's prompt names who is signed in. */
    @Bean
    PromptProvider dynregPrompt(ServiceClient service) {
        return () -> new AttributedString(service.user().isBlank() ? "dynreg> " : "dynreg " + service.user() + "> ");
    }

    public static int run(String[] args) {
        return run(args, null, null);
    }

    /**
     * Runs on a terminal reading {@code in} and printing to {@code out} instead of the system's (null: the
     * system's): a test types into it and reads what is printed.
     */
    static int run(String[] args, InputStream in, OutputStream out) {
        if (CommandLineOptions.asksForHelp(args) && !args[0].equals("help")) {
            args = new String[] {"help"};
        }
        SpringApplication app = new SpringApplication(DynregShell.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setDefaultProperties(Map.of(
                "spring.config.name", "dynreg-shell",
                "logging.level.root", "WARN",
                "logging.level.org.springframework.boot.SpringApplication", "OFF",
                "logging.level.org.jline", "OFF",
                "spring.shell.interactive.enabled", String.valueOf(args.length == 0),
                "spring.shell.noninteractive.enabled", String.valueOf(args.length > 0),
                "spring.shell.script.enabled", "false",
                "spring.shell.history.enabled", "false"));
        if (in != null) {
            TerminalCustomizer streams = builder -> builder.system(false).streams(in, out).type("dumb");
            app.addInitializers(context -> context.getBeanFactory().registerSingleton("dynregTerminalStreams", streams));
        }
        try {
            return SpringApplication.exit(app.run(args));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ExitCodeGenerator code) {
                    return code.getExitCode();
                }
                if (t instanceof CommandNotFound || t instanceof CommandParserExceptionsException) {
                    // the shell has printed what it did not understand; 'help' lists what it does
                    System.err.println("'help' lists the commands and their options");
                    return CommandLineOptions.REFUSED;
                }
            }
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
