package dev.steward.inquiries;

import dev.steward.catalog.Catalogs;
import dev.steward.platform.ConsoleWords;
import dev.steward.staff.Caller;
import dev.steward.staff.DashboardTile;
import dev.steward.staff.DashboardTiles;
import dev.steward.staff.Permission;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The console's front page shows those who answer inquiries how many cases wait on each of their sites. */
@Component
class InquiryTiles implements DashboardTiles {

    private final Inquiries inquiries;
    private final Catalogs catalogs;

    private final ConsoleWords words;

    InquiryTiles(ConsoleWords words, Inquiries inquiries, Catalogs catalogs) {
        this.words = words;
        this.inquiries = inquiries;
        this.catalogs = catalogs;
    }

    @Override
    public List<DashboardTile> tilesFor(Caller caller) {
        if (!caller.may(Permission.READ_INQUIRIES)) {
            return List.of();
        }
        Map<String, Map<CaseStatus, Long>> counts = inquiries.counts();
        List<DashboardTile.Row> rows = catalogs.sites().stream()
                .filter(site -> caller.maySee(site.key()))
                .map(site -> new DashboardTile.Row(
                        site.name().in(site.language()),
                        String.valueOf(counts.getOrDefault(site.key(), Map.of()).getOrDefault(CaseStatus.OPEN, 0L)),
                        "/admin/inquiries?status=open&site=" + site.key()))
                .toList();
        return List.of(new DashboardTile(
                words.get("console.tile.inquiries"),
                rows,
                "/admin/inquiries",
                words.get("console.tile.inquiries.link")));
    }
}
