package io.gream.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping every module uses for Kafka payloads, so a record reads back exactly as it was written.
 *
 * <p>Tolerant of unknown properties (schemas evolve by adding optional fields), strict about everything else:
 * nulls for numbers, trailing garbage and unknown {@code type}s are errors. Absent optional fields are left out
 * instead of written as {@code null}. Instants are ISO-8601 strings.
 */
public final class GreamJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private GreamJson() {
    }

    /** The shared, thread-safe mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
