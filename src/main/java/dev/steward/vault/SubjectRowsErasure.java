package dev.steward.vault;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs every module's {@link SubjectRows} statements for people just erased: joined into one script, which the
 * driver sends in one round trip and PostgreSQL runs in order inside the erasure's transaction. The modules' beans
 * giving the statements are made with the vault, before any erasure (so none of them may need the vault): a command's
 * context makes beans on demand, and one made inside a sweep's batch would hold the batch's rows while Spring builds
 * it (bench/README.md, sweep8).
 */
@Component
class SubjectRowsErasure {

    private final String script;
    private final JdbcClient jdbc;

    SubjectRowsErasure(List<SubjectRows> modules, JdbcClient jdbc) {
        this.script = String.join(
                ";\n",
                modules.stream().flatMap(module -> module.erasure().stream()).toList());
        this.jdbc = jdbc;
    }

    void erase(List<SubjectId> subjects, Instant at) {
        if (subjects.isEmpty() || script.isEmpty()) {
            return;
        }
        jdbc.sql(script)
                .param("subjects", subjects.stream().map(SubjectId::value).toArray(UUID[]::new))
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }
}
