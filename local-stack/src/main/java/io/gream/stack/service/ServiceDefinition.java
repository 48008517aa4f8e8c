package io.gream.stack.service;

import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One Gream service as the local stack runs it: its Spring Boot application, its port, where it answers "ready",
 * and the properties that wire it to the local broker, the other services and the data directory.
 *
 * <p>The properties are passed as command-line arguments, so they win over the service's own yml defaults and over
 * environment variables, exactly as {@code java -jar service.jar --key=value} would.
 *
 * @param name        the service's name ({@code spring.application.name}), also its directory under the data dir
 * @param portKey     short name of its port setting: flag {@code --<portKey>-port}, environment
 *                    {@code GREAM_<PORTKEY>_PORT}
 * @param defaultPort its port when neither is given
 * @param application the application as the service's own {@code main} builds it
 * @param healthPath  answers {@code 200} once the service can do its work (its readiness probe)
 * @param readyWhen   what the probe's answer must also contain to count as ready ({@code ""}: any {@code 200})
 * @param properties  the service's settings in this stack
 */
public record ServiceDefinition(
        String name,
        String portKey,
        int defaultPort,
        Supplier<SpringApplicationBuilder> application,
        String healthPath,
        String readyWhen,
        Function<StackLayout, Map<String, String>> properties) {
}
