package dev.steward.cookies;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import java.net.URI;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The banner runs on the site's own pages, another origin than Steward's: each site's origin (its catalog
 * {@code baseUrl}) may post choices for that site, and only for it. Credentials go along so that a visitor signed in to
 * the site's account (Steward on the same registrable domain) has the choice joined to their subject.
 */
@Configuration(proxyBeanMethods = false)
class ChoiceCors implements WebMvcConfigurer {

    private final Catalogs catalogs;

    ChoiceCors(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        for (Site site : catalogs.sites()) {
            registry.addMapping("/api/v1/sites/" + site.key() + "/cookie-choices")
                    .allowedOrigins(origin(site.baseUrl()))
                    .allowedMethods("POST")
                    .allowedHeaders("Content-Type")
                    .allowCredentials(true)
                    .maxAge(3600);
        }
    }

    private static String origin(String baseUrl) {
        URI uri = URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
