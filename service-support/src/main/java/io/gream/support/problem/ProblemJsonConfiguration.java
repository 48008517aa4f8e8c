package io.gream.support.problem;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every error answer of a service as {@code application/problem+json}: those of Spring MVC through
 * {@link ProblemHandler}, and those the embedded Tomcat raises before Spring MVC sees the request through
 * {@link ProblemJsonErrorReportValve} (Spring Boot would otherwise install a plain {@link ErrorReportValve} that
 * writes HTML). A service opts in with {@code @Import}; services that share a classpath (the local stack) are not
 * changed by another's choice.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemJsonConfiguration {

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

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
