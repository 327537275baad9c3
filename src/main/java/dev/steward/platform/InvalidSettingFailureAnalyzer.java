package dev.steward.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused for a wrong setting is said in its sentence, not as a stack trace. */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable root, InvalidSettingException cause) {
        return new FailureAnalysis(cause.getMessage(), "Correct the setting and start Steward again.", cause);
    }
}
