package dev.steward.platform;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** {@link HttpsOnly} in front of everything but the security headers, when the public address is https. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnExpression("'${steward.public-url:}'.startsWith('https:')")
class HttpsOnlyConfiguration {

    @Bean
    FilterRegistrationBean<HttpsOnly> httpsOnly(StewardProperties steward, ErrorWords words) {
        FilterRegistrationBean<HttpsOnly> registration =
                new FilterRegistrationBean<>(new HttpsOnly(steward.publicUrl(), words));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
