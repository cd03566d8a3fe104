package org.dynreg.privacy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskTest {

    @Test
    void nationalIdsWithOrWithoutDashesAreMasked() {
        assertThat(PersonalDataMask.mask("member 35202-1234567-1 and 3520212345671 and 35202 1234567 1"))
                .isEqualTo("member [national id] and [national id] and [national id]");
    }

    @Test
    void mobileNumbersAreMasked() {
        assertThat(PersonalDataMask.mask("call 03001234567, +923001234567, 0300-1234567 or 0092 300 1234567"))
                .isEqualTo("call [phone], [phone], [phone] or [phone]");
    }

    @Test
    void valuesTheDatabaseEchoesAreMasked() {
        assertThat(PersonalDataMask.mask("(conn=7) Duplicate entry 'Shazia Bibi-1990-07-15' for key 'member_name'"))
                .isEqualTo("(conn=7) Duplicate entry '[masked]' for key 'member_name'");
        assertThat(PersonalDataMask.mask("Incorrect date value: '1990-13-01' for column `date_of_birth` at row 1"))
                .isEqualTo("Incorrect date value: '[masked]' for column `date_of_birth` at row 1");
    }

    @Test
    void otherNumbersStayReadable() {
        String line = "decision 28 household 1234 survey 99 policy v3 score 47; execution 123456789012 took 1500 ms at 2026-11-20T09:41:00Z";
        assertThat(PersonalDataMask.mask(line)).isEqualTo(line);
        assertThat(PersonalDataMask.mask("12345678901234 is 14 digits")).isEqualTo("12345678901234 is 14 digits");
        assertThat(PersonalDataMask.mask(null)).isNull();
    }

    @Test
    void everyMessageAndExceptionWordOfTheConfigurationMasks() throws Exception {
        LoggerContext context = withPersonalDataConfiguration("%level %logger %m|%msg|%message%n%ex%xEx%rEx%wex%wEx");
        Lines lines = lines(context);

        context.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper").error("(conn=5) Duplicate entry '35202-1234567-1' for key 'household_member_national_id'");
        context.getLogger("any.new.Logger").warn("refused {} with mobile {}", "35202-7654321-2", "03001234567",
                new RuntimeException("could not execute statement", new SQLIntegrityConstraintViolationException(
                        "(conn=5) Duplicate entry 'Muhammad Aslam' for key 'name'")));

        String all = String.join("\n", lines.lines);
        assertThat(all).contains("Duplicate entry '[masked]'", "[national id]", "[phone]", "could not execute statement",
                        "SQLIntegrityConstraintViolationException")
                .doesNotContain("35202-1234567-1", "35202-7654321-2", "03001234567", "Muhammad Aslam");
        context.stop();
    }

    @Test
    void loggersThatDumpValuesWriteNoDebugOrTraceLine() throws Exception {
        LoggerContext context = withPersonalDataConfiguration("%logger %m%n%ex");
        Lines lines = lines(context);
        Logger bind = context.getLogger("org.hibernate.orm.jdbc.bind");
        bind.setLevel(Level.TRACE);

        bind.trace("binding parameter (2:VARCHAR) <- [Muhammad Aslam]");
        context.getLogger("org.mariadb.jdbc.client.impl.StandardClient").debug("send: House 14, Street 6");
        context.getLogger("org.mariadb.jdbc.client.impl.StandardClient").warn("connection lost");
        context.getLogger("org.hibernate.ormx").trace("a logger beside the listed one is not refused");

        assertThat(bind.isTraceEnabled()).isFalse();
        assertThat(lines.lines).containsExactly("org.mariadb.jdbc.client.impl.StandardClient connection lost\n",
                "org.hibernate.ormx a logger beside the listed one is not refused\n");
        context.stop();
    }

    @Test
    void theServicesOwnConfigurationMasksItsLogFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        java.nio.file.Path file = dir.resolve("dynreg.log");
        context.putProperty("LOG_FILE", file.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback-spring.xml"));

        context.getLogger("org.springframework.web.servlet.DispatcherServlet").error("failed for 35202-1234567-1",
                new IllegalStateException("(conn=9) Duplicate entry '35202-7654321-2' for key 'household_member_national_id'"));
        context.stop();

        String written = java.nio.file.Files.readString(file);
        assertThat(written).contains("failed for [national id]", "Duplicate entry '[masked]'")
                .doesNotContain("35202-1234567-1", "35202-7654321-2");
    }

    /** Keeps each line as its pattern prints it. */
    public static class Lines extends AppenderBase<ILoggingEvent> {
        final List<String> lines = new ArrayList<>();
        private final ch.qos.logback.classic.PatternLayout layout = new ch.qos.logback.classic.PatternLayout();

        public void setPattern(String pattern) {
            layout.setPattern(pattern);
        }

        @Override
        public void start() {
            layout.setContext(getContext());
            layout.start();
            super.start();
        }

        @Override
        protected synchronized void append(ILoggingEvent event) {
            lines.add(layout.doLayout(event));
        }
    }

    /** A logging context configured as the service's, with every line at TRACE kept by a {@link Lines} appender. */
    static LoggerContext withPersonalDataConfiguration(String pattern) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        String xml = """
                <configuration>
                  <include resource="logback-personal-data.xml"/>
                  <appender name="LINES" class="org.dynreg.privacy.PersonalDataMaskTest$Lines"><pattern>%s</pattern></appender>
                  <root level="TRACE"><appender-ref ref="LINES"/></root>
                </configuration>
                """.formatted(pattern);
        configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return context;
    }

    static Lines lines(LoggerContext context) {
        return (Lines) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("LINES");
    }
}
