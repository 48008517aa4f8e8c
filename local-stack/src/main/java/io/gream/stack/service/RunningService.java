package io.gream.stack.service;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service of the local stack running in its own Spring context in this JVM.
 *
 * <p>Its own JVM shutdown hook is off: the stack closes its services itself, in reverse start order, so that nothing
 * is stopped while a service started after it still uses it.
 */
public final class RunningService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceDefinition definition;
    private final String url;
    private final ConfigurableApplicationContext context;

    private RunningService(ServiceDefinition definition, String url, ConfigurableApplicationContext context) {
        this.definition = definition;
        this.url = url;
        this.context = context;
    }

    /**
     * Starts the service with its stack properties, then {@code overrides} (e.g. a test's lower limits), and the
     * stack's logging settings.
     */
    public static RunningService start(ServiceDefinition definition, StackLayout layout, Map<String, String> overrides,
                                       Map<String, String> logging) {
        int port = layout.ports().get(definition.name());
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        definition.properties().apply(layout).forEach((key, value) -> args.add("--" + key + "=" + value));
        logging.forEach((key, value) -> args.add("--" + key + "=" + value));
        overrides.forEach((key, value) -> args.add("--" + key + "=" + value));
        SpringApplicationBuilder application = definition.application().get()
                .registerShutdownHook(false)
                .properties("spring.main.banner-mode=off");
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        return new RunningService(definition, layout.url(definition.name()), context);
    }

    /** Waits until the service's readiness probe answers {@code 200} with {@link ServiceDefinition#readyWhen()}. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        URI health = URI.create(url + definition.healthPath());
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains(definition.readyWhen())) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(definition.name() + " was not ready within " + timeout.toSeconds()
                + " s; last answer from " + health + ": " + last);
    }

    public ServiceDefinition definition() {
        return definition;
    }

    public String url() {
        return url;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
