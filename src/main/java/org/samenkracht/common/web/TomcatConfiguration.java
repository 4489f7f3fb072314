package org.samenkracht.common.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An encoded slash or backslash in a path ({@code %2F}, {@code %5C}) is let through the servlet
 * container undecoded, so the security firewall refuses it and {@link RejectedRequests} answers it
 * in the requester's format and language; refused by the container itself, it would get the
 * container's own HTML page, even under {@code /api}. What the container does refuse itself (a
 * request line or headers too long to read) is answered by {@link ContainerErrorReport}.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                connector.setEncodedSolidusHandling("passthrough");
                connector.setEncodedReverseSolidusHandling("passthrough");
            });
            // what the container refuses before the application sees it is answered in the application's words
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                    host.setErrorReportValveClass(ContainerErrorReport.class.getName());
                }
            });
        };
    }
}
