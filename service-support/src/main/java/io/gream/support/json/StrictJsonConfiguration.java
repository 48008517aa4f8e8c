package io.gream.support.json;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;

/**
 * Makes the JSON mapping of request bodies strict, so that a mistake is a {@code 400} rather than a guess.
 *
 * <p>Spring Boot's default mapper ignores unknown properties and coerces freely ({@code "100"} or {@code 99.9}
 * become the number {@code 100} or {@code 99}): for money that is a silent wrong bid. Here unknown properties,
 * fractions and strings where whole numbers are expected, duplicate keys and trailing content are all errors. A
 * service opts in with {@code @Import}. This mapper reads only what users send; what services send each other is
 * read with the tolerant {@link io.gream.contracts.GreamJson} mapping, since contracts evolve by adding fields.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
