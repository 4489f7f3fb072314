package org.samenkracht.common.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI samenkrachtApi() {
        return new OpenAPI().info(new Info()
                .title("Samenkracht API")
                .version("v1")
                .description("Every capability of Samenkracht as JSON under /api/v1. The same access rules as the "
                        + "pages apply: sign in with HTTP Basic (or a browser session with its CSRF token); only the "
                        + "person and their care team see a person's data, and every access is audited."));
    }
}
