package dev.steward.catalog;

import dev.steward.platform.StewardProperties;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads the catalogs named by {@code STEWARD_CATALOG}, a comma-separated list of files or folders. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    Catalogs catalogs(StewardProperties properties) {
        return new Catalogs(Arrays.stream(properties.catalog().split(","))
                .map(String::trim)
                .filter(location -> !location.isEmpty())
                .toList());
    }
}
