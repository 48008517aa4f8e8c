package io.gream.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping every module uses for Kafka payloads, so a record reads back exactly as it was written.
 *
 * <p>Tolerant of unknown properties (schemas evolve by adding optional fields), strict about everything else:
 * nulls or absent values for primitive fields, fractions or strings where a whole number is expected (money is
 * never silently truncated), duplicate keys, trailing garbage and unknown {@code type}s are errors. Absent
 * optional fields are left out instead of written as {@code null}. Instants are ISO-8601 strings.
 *
 * <p>Because an absent primitive is an error, a field added to a contract later must be a boxed, nullable type,
 * or records written before it existed would no longer read.
 */
public final class GreamJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private GreamJson() {
    }

    /** The shared, thread-safe mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
