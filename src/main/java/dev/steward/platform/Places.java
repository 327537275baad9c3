package dev.steward.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each item of one lease's chunk lies in the queue's table: its row's current version ({@code ctid}), as the
 * claim and each later statement of the lease answered it. The start marks and the settle find the rows there instead
 * of through the queue's key index.
 *
 * <p>WHY: a chunk's rows are written three times after their claim is found (claimed, marked as started, deleted),
 * and each statement by key descends the index once an item; by row address it reads the row's page alone, which
 * halves the buffers of a claim and of a mark (bench/README.md, campaign8). An address is only a hint: a statement
 * that uses one touches the row there only if it is the item expected and still under this lease, and looks up by key
 * whatever it did not find there (a table rewritten meanwhile, {@code VACUUM FULL}), so a stale address never touches
 * another row and never loses one. Only this lease writes its rows until it ends, so the address the last statement
 * answered is the row's.
 */
final class Places {

    private final Map<UUID, String> places = new ConcurrentHashMap<>();

    void put(UUID item, String place) {
        places.put(item, place);
    }

    /** The items whose address is known, with their addresses in the same order. */
    Known known(Collection<UUID> items) {
        List<UUID> known = new ArrayList<>(items.size());
        List<String> at = new ArrayList<>(items.size());
        for (UUID item : items) {
            String place = places.get(item);
            if (place != null) {
                known.add(item);
                at.add(place);
            }
        }
        return new Known(known, at);
    }

    record Known(List<UUID> items, List<String> places) {}
}
