package org.dynreg;

import org.dynreg.cli.DynregShell;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

import java.time.Clock;
import java.util.Arrays;

/**
 * The registry service. {@code java -jar dynreg-service-exec.jar} starts the server;
 * {@code java -jar dynreg-service-exec.jar shell [command]} runs the shell, a client of a running
 * server (it never opens the database itself, which the server owns).
 */
@SpringBootApplication
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.dynreg\\.cli\\..*")})
public class DynregApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("shell")) {
            System.exit(DynregShell.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(DynregApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
