package org.dynreg;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.dynreg.cli.CommandLineOptions;
import org.dynreg.cli.DynregShell;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
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
@OpenAPIDefinition(info = @Info(title = "dynreg",
        description = "Eligibility and workflow service for a dynamic social registry: survey intake, PMT scoring by decision tables, decisions as evidence",
        version = "v1"), security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
// Besides its own packages: the Kogito starter's components (unit of work, identity provider) and the JPA
// user-task store, whose components come without an auto-configuration of their own. The processes themselves are
// compiled at run time (workflow.engine.ProcessVersions).
@ComponentScan(basePackages = {"org.dynreg", "org.kie.kogito", "org.jbpm.usertask.jpa.springboot"}, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.dynreg\\.cli\\..*")})
@EntityScan(basePackages = {"org.dynreg", "org.jbpm.usertask.jpa.model"})
@EnableJpaRepositories(basePackages = "org.dynreg")
@EnableScheduling
public class DynregApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("shell")) {
            System.exit(DynregShell.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("benchmark")) {
            System.exit(org.dynreg.benchmark.Benchmark.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (CommandLineOptions.asksForHelp(args)) {
            ServerArguments.printUsage(System.out);
            System.exit(0);
        }
        try {
            ServerArguments.check(args);
        } catch (CommandLineOptions.Refused e) {
            System.err.println("dynreg: " + e.getMessage());
            ServerArguments.printUsage(System.err);
            System.exit(CommandLineOptions.REFUSED);
        }
        SpringApplication.run(DynregApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
