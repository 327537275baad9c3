package dev.steward.staff;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Puts the {@link PermissionGuard} before every handler, and checks at start that the matrix covers them all. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PermissionConfiguration implements WebMvcConfigurer {

    private final CurrentCaller caller;

    PermissionConfiguration(CurrentCaller caller) {
        this.caller = caller;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PermissionGuard(caller));
    }

    @Bean
    PermissionCoverage permissionCoverage(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
        return new PermissionCoverage(handlers);
    }
}
