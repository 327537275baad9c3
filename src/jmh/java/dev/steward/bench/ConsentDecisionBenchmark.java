package dev.steward.bench;

import dev.steward.StewardApplication;
import dev.steward.consent.ConsentDecision;
import dev.steward.consent.ConsentDecisions;
import dev.steward.vault.KnownSubjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * "May I use this person's data for this purpose now?" answered by {@link ConsentDecisions} inside a running Steward
 * (its own embedded database under a temporary directory, seeded with 5,000 made-up people by {@code bench seed}):
 * the work of one decision request without HTTP, security filters and JSON around it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConsentDecisionBenchmark {

    private ConfigurableApplicationContext steward;
    private ConsentDecisions decisions;
    private List<String> subjects;

    @Setup
    public void startSteward() throws IOException {
        Path dir = Files.createTempDirectory("steward-jmh");
        steward = new SpringApplicationBuilder(StewardApplication.class)
                .run(
                        "--steward.data-dir=" + dir,
                        "--steward.admin-password=jmh-admin-password",
                        "--server.port=0",
                        "--steward.retention.scheduled=false",
                        "--logging.level.root=WARN");
        steward.getBean(Seeder.class).seed(5000, 2, seeded -> {});
        decisions = steward.getBean(ConsentDecisions.class);
        subjects = steward.getBean(KnownSubjects.class).sample(5000).stream()
                .map(Object::toString)
                .toList();
    }

    @TearDown
    public void stopSteward() {
        steward.close();
    }

    @Benchmark
    public ConsentDecision decide() {
        String subject = subjects.get(ThreadLocalRandom.current().nextInt(subjects.size()));
        return decisions.decide("olympus-ims", subject, "newsletter", null);
    }
}
