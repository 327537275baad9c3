package dev.steward.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are read strictly: a field the request does not have, or one given twice, is refused with its name
 * instead of being dropped or the last one winning. WHY: a caller who sends {@code occurredAt} or {@code admin} and
 * gets 201 believes it counted. WHY only here: the application's mapper also reads what Steward stored itself, where
 * a field of an older version must not make a row unreadable. A body from outside that Steward does not define (a
 * mail provider's report) says so on its type with {@code @JsonIgnoreProperties(ignoreUnknown = true)}.
 *
 * <p>WHY last of the MVC configurers: Spring Boot's sets its JSON converter on the same builder first; this one takes
 * the JSON converter's place, keeping every other converter where it was (text before JSON).
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.LOWEST_PRECEDENCE)
class StrictJsonBodies implements WebMvcConfigurer {

    private final JsonMapper strict;

    StrictJsonBodies(JsonMapper json) {
        this.strict = json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
    }
}
