package io.gream.marketplace;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the marketplace page at {@code /} and its files under {@code /assets/}, anonymously: the page holds no
 * secret, and what a user may do is decided by the API with the user's token.
 *
 * <p>Files are revalidated on every load ({@code no-cache} with {@code Last-Modified}) rather than fingerprinted:
 * there is no build step to fingerprint them, so an upgrade is picked up at the next reload.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
@Import(WebConfigController.class)
public class WebConfiguration implements WebMvcConfigurer {

    private final WebProperties properties;

    WebConfiguration(WebProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/index.html", "/favicon.svg")
                .addResourceLocations(properties.location())
                .setCacheControl(CacheControl.noCache());
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(properties.location() + "assets/")
                .setCacheControl(CacheControl.noCache());
    }
}
