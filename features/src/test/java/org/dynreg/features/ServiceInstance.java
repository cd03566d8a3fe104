package org.dynreg.features;

import org.dynreg.DynregApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.util.DefaultUriBuilderFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * A service instance of one scenario's own, on the database every scenario shares, so that it can be
 * restarted, or run with a setting of its own (a shorter case clock), without touching the others.
 * The nightly recertification sweep is off: a scenario runs it for the day it chooses, and other
 * scenarios' households must not be swept by a clock they did not ask for.
 */
final class ServiceInstance implements AutoCloseable {
    private final String[] properties;
    private final ConfigurableApplicationContext context;
    private final ServiceClient client;

    ServiceInstance(String... properties) {
        this.properties = properties;
        List<String> all = new ArrayList<>(List.of("server.port=0", "dynreg.recertification.sweep-cron=-"));
        all.addAll(List.of(properties));
        context = new SpringApplicationBuilder(DynregApplication.class).profiles("test").properties(all.toArray(String[]::new)).run();
        TestRestTemplate rest = new TestRestTemplate();
        rest.setUriTemplateHandler(new DefaultUriBuilderFactory("http://localhost:" + context.getEnvironment().getProperty("local.server.port")));
        client = new ServiceClient(rest);
    }

    /** Stops this instance and starts another with the same settings on the same database. */
    ServiceInstance restart() {
        close();
        return new ServiceInstance(properties);
    }

    ServiceClient client() {
        return client;
    }

    @Override
    public void close() {
        context.close();
    }
}
