package io.gream.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the embedded Tomcat answer its own errors (those raised before Spring MVC sees the request) with
 * {@link ProblemJsonErrorReportValve}. A service opts in with {@code @Import}; Spring Boot would otherwise install a
 * plain {@link ErrorReportValve} that writes HTML.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerErrorsConfiguration {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemJsonContainerErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                // Tomcat adds an instance of this class when the host starts, unless one is in the pipeline already
                host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemJsonErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
            }
        });
    }
}
