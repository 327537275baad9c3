package dev.steward.catalog;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * When the server refuses to start on an invalid catalog, prints every problem once, as {@code file:line:column:
 * message}, instead of inside a stack trace that repeats them for each bean that needed the catalog.
 */
class InvalidCatalogFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCatalogException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCatalogException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Correct every problem listed, then start Steward again. "
                        + "'java -jar steward.jar catalog check PATH' checks a catalog without starting the server.",
                cause);
    }
}
