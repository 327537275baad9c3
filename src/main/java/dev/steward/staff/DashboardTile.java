package dev.steward.staff;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One summary on the console's front page: a heading, a few labelled values (say, open cases per site), each
 * perhaps linking to its details, and a link to the page where the work is done.
 */
public record DashboardTile(String heading, List<Row> rows, String link, String linkText) {

    public DashboardTile {
        rows = List.copyOf(rows);
    }

    public record Row(String label, String value, @Nullable String link) {}
}
