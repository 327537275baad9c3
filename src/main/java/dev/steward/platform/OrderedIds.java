package dev.steward.platform;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Time-ordered UUIDs (version 7: milliseconds since the epoch, then random bits) for the bulk paths. A random UUID
 * lands on a random page of every index keyed by it, so a bulk write of 100,000 rows touches (and logs a full-page
 * image of) nearly every leaf of those indexes; ids that grow with time are appended at the index's right edge. They
 * say when the row was made to the millisecond, which the rows they key record anyway.
 */
@Component
public class OrderedIds {

    // monotonic within a millisecond, so a batch made in one millisecond is still in order
    private final TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator();

    public UUID next() {
        return generator.generate();
    }
}
