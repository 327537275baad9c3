package dev.steward.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * When the server cannot start because its database cannot be reached, says so in a sentence (where, and the
 * driver's reason) instead of a stack trace through the pool, Flyway and every bean that needed them.
 */
class UnreachableDatabaseFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    UnreachableDatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        return Failures.unreachableDatabase(failure)
                .map(cause -> new FailureAnalysis(
                        "Steward " + Failures.unreachable(cause, environment.getProperty("steward.database.url")) + ".",
                        Failures.CHECK_SETTINGS + " Without STEWARD_DATABASE_URL Steward runs its own embedded"
                                + " PostgreSQL.",
                        cause))
                .orElse(null);
    }
}
