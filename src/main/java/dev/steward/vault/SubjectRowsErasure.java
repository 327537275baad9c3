package dev.steward.vault;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Runs every module's {@link SubjectRows} statements for people just erased: joined into one script, which the
 * driver sends in one round trip and PostgreSQL runs in order inside the erasure's transaction. The script is put
 * together at the first erasure: a module's statements may come from a bean that itself needs the vault.
 */
@Component
class SubjectRowsErasure {

    private final SingletonSupplier<String> script;
    private final JdbcClient jdbc;

    SubjectRowsErasure(ObjectProvider<SubjectRows> modules, JdbcClient jdbc) {
        this.script = SingletonSupplier.of(() -> String.join(
                ";\n",
                modules.orderedStream()
                        .flatMap(module -> module.erasure().stream())
                        .toList()));
        this.jdbc = jdbc;
    }

    void erase(List<SubjectId> subjects, Instant at) {
        String statements = script.obtain();
        if (subjects.isEmpty() || statements.isEmpty()) {
            return;
        }
        jdbc.sql(statements)
                .param("subjects", subjects.stream().map(SubjectId::value).toArray(UUID[]::new))
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }
}
