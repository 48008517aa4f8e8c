package io.gream.ingress.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Answers leave out absent optional fields, as the contracts' own JSON does. Reading request bodies is made strict
 * by the shared {@link io.gream.support.json.StrictJsonConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class AnswerJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer answersWithoutNulls() {
        return builder -> builder
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL));
    }
}
