package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Ids a sweep batch's statement joins by commas are read back exactly, and anything else is refused. */
class UuidTextTest {

    @Test
    void joinedIdsAreReadBackInOrder() {
        for (int size : new int[] {0, 1, 2, 1_000}) {
            List<UUID> ids = IntStream.range(0, size)
                    .mapToObj(i -> i == 0 ? new UUID(-1L, 0L) : UUID.randomUUID())
                    .toList();
            String joined = ids.stream().map(UUID::toString).collect(Collectors.joining(","));

            assertThat(UuidText.parse(joined, Function.identity())).isEqualTo(ids);
        }
    }

    @Test
    void somethingElseIsRefused() {
        String id = UUID.randomUUID().toString();
        for (String text : List.of(id + ";" + id, id + ",", id.replace('-', 'x'), id.substring(1) + "g", "x")) {
            assertThatThrownBy(() -> UuidText.parse(text, Function.identity()))
                    .as(text)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
