package dev.steward.bench;

import dev.steward.catalog.Catalogs;
import dev.steward.platform.Csv;
import dev.steward.vault.Access;
import dev.steward.vault.KnownSubjects;
import dev.steward.vault.Vault;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A consent import file for the import benchmark. Half its lines are withdrawals by people the seed made (erased ones
 * are skipped by the import), half consents given by people new to the database.
 */
@Component
class ImportFile {

    private static final int LINES_PER_WRITE = 10_000;

    private static final Pattern SEEDED = Pattern.compile("person-(\\d+)@bench\\.invalid");

    private final Catalogs catalogs;
    private final KnownSubjects subjects;
    private final Vault vault;
    private final Clock clock;

    ImportFile(Catalogs catalogs, KnownSubjects subjects, Vault vault, Clock clock) {
        this.catalogs = catalogs;
        this.subjects = subjects;
        this.vault = vault;
        this.clock = clock;
    }

    void write(Path file, long rows) throws IOException {
        long nonce = clock.millis();
        SyntheticPeople people = new SyntheticPeople(catalogs, Map.of(), clock.instant());
        List<Long> known = seeded((rows + 1) / 2);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(new Csv()
                    .header(List.of("site", "email", "purpose", "action", "occurred_at", "method", "wording"))
                    .toString());
            Csv chunk = new Csv();
            for (long line = 0; line < rows; line++) {
                boolean existing = !known.isEmpty() && line % 2 == 0;
                long person = existing ? known.get((int) (line / 2 % known.size())) : line;
                String email =
                        existing ? SyntheticPeople.email(person) : "new-" + nonce + "-" + line + "@bench.invalid";
                chunk.row(people.importLine(person, email, existing));
                if ((line + 1) % LINES_PER_WRITE == 0) {
                    writer.write(chunk.toString());
                    chunk = new Csv();
                }
            }
            writer.write(chunk.toString());
        }
    }

    /** Up to {@code count} random people the seed made and nobody erased, by their number, read from the vault. */
    private List<Long> seeded(long count) {
        return subjects.sample((int) count).stream()
                .flatMap(subject -> vault.identifiers(subject, Access.system("bench-import-file")).stream())
                .map(identifier -> SEEDED.matcher(identifier.value()))
                .filter(Matcher::matches)
                .map(matcher -> Long.parseLong(matcher.group(1)))
                .toList();
    }
}
