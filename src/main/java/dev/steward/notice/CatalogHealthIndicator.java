package dev.steward.notice;

import dev.steward.catalog.Catalogs;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Reported as {@code catalog} in {@code /actuator/health}: UP once the catalogs are valid and every site's notice
 * is published, so that no visitor is served before Steward can say what it does with their data.
 */
@Component("catalog")
@Profile("!cli")
class CatalogHealthIndicator implements HealthIndicator {

    private final Catalogs catalogs;
    private final NoticePublisher publisher;

    CatalogHealthIndicator(Catalogs catalogs, NoticePublisher publisher) {
        this.catalogs = catalogs;
        this.publisher = publisher;
    }

    @Override
    public Health health() {
        Health.Builder health = publisher.isDone() ? Health.up() : Health.down().withDetail("notices", "publishing");
        return health.withDetail("sites", catalogs.sites().size()).build();
    }
}
