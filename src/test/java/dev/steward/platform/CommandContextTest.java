package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.StewardApplication;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.jackson.JacksonMixinModuleEntries;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** The Spring context a command takes its beans from ({@link CommandContext}). */
class CommandContextTest {

    /** No PostgreSQL listens here: a bean that tried to use the database would fail. */
    private static final String NO_DATABASE = "--steward.database.url=jdbc:postgresql://127.0.0.1:1/none";

    /**
     * Why a command's context may skip Spring Boot's scan for {@code @JsonMixin} classes: Steward declares none. A
     * mix-in added one day must be registered in the command's context too, or commands would write JSON the server
     * does not.
     */
    @Test
    void stewardDeclaresNoJacksonMixIn() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            JacksonMixinModuleEntries scanned =
                    JacksonMixinModuleEntries.scan(context, List.of(StewardApplication.class.getPackageName()));
            List<Class<?>> mixIns = new ArrayList<>();
            scanned.doWithEntry(getClass().getClassLoader(), (target, mixIn) -> mixIns.add(mixIn));

            assertThat(mixIns).isEmpty();
        }
    }

    @Test
    void aCommandsJsonMapperDoesNotReadTheApplicationsClassesForMixIns(@TempDir Path dataDir) {
        try (CommandContext command = new CommandContext(
                StewardApplication.class, new String[] {NO_DATABASE, "--steward.data-dir=" + dataDir})) {
            var factory = command.beans().getBeanFactory();
            JsonMapper json = factory.getBean(JsonMapper.class);

            // supplied, not made by Spring Boot's factory method, which scans every class of the application
            assertThat(((org.springframework.beans.factory.support.AbstractBeanDefinition)
                                    factory.getBeanDefinition(CommandContext.MIXIN_SCAN))
                            .getInstanceSupplier())
                    .isNotNull();
            // and still Spring Boot's mapper, with its settings (an instant as ISO text, not a number)
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("ip", "203.0.113.0");
            evidence.put("at", Instant.parse("2026-12-06T04:00:00Z"));
            assertThat(json.writeValueAsString(evidence))
                    .isEqualTo("{\"ip\":\"203.0.113.0\",\"at\":\"2026-12-06T04:00:00Z\"}");
            assertThat(dataDir.resolve("postgres")).doesNotExist();
        }
    }
}
