package io.gream.ingress.web;

import io.gream.auth.AuthenticatedUser;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}), by springdoc.
 *
 * <p>{@link AuthenticatedUser} parameters are hidden: they come from the bearer token, which the document
 * declares as the {@code bearer} security scheme.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AuthenticatedUser.class);
    }

    @Bean
    OpenAPI greamOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Gream ingress API").version("v1").description("""
                        Auctions of gift vouchers. Commands (open, bid, cancel) need a bearer JWT whose subject is \
                        the acting user; reads are public. Amounts are whole minor units (KRW: won). Errors are \
                        RFC 9457 problem documents with a stable `code`."""))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
