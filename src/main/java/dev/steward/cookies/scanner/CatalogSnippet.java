package dev.steward.cookies.scanner;

import dev.steward.catalog.Cookie;
import dev.steward.cookies.scanner.ScanReport.Finding;
import dev.steward.cookies.scanner.ScanReport.Suggestion;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Catalog entries for everything a scan found undeclared, to paste under the catalog's {@code cookies:}. Categories,
 * providers and purposes come from the Open Cookie Database where it knows the name or host; where it does not, the
 * line is left empty with a comment, so that {@code catalog check} refuses the entry until a person has decided.
 */
final class CatalogSnippet {

    private final ScanTarget target;
    private final Set<String> keys = new HashSet<>();
    private final StringBuilder yaml = new StringBuilder();

    private CatalogSnippet(ScanTarget target) {
        this.target = target;
        target.declared().forEach(cookie -> keys.add(cookie.key()));
    }

    static String of(ScanTarget target, List<Finding> findings) {
        List<Finding> undeclared = findings.stream()
                .filter(finding ->
                        finding.problems().stream().anyMatch(p -> p.code().equals("undeclared")))
                .toList();
        if (undeclared.isEmpty()) {
            return "";
        }
        CatalogSnippet snippet = new CatalogSnippet(target);
        snippet.yaml
                .append("# What Steward's cookie scanner saw on ")
                .append(target.base())
                .append(" that the catalog does not declare.\n")
                .append("# Check each entry and complete the empty lines before you add it to the catalog.\n")
                .append("cookies:\n");
        undeclared.forEach(snippet::entry);
        return snippet.yaml.toString();
    }

    private void entry(Finding finding) {
        boolean host = finding.kind().equals("host");
        Suggestion known = finding.suggestion();
        yaml.append("  # seen on ").append(comment(finding.firstPage()));
        if (!finding.seen().isEmpty()) {
            yaml.append(", ").append(finding.seen().stream().map(Moment::words).collect(Collectors.joining(", ")));
        }
        if (finding.setBy() != null) {
            yaml.append("; set by ").append(comment(finding.setBy()));
        }
        yaml.append('\n');
        line("- key", key(finding.name()));
        if (target.catalog().sites().size() > 1) {
            line("  site", target.siteKey());
        }
        if (!host) {
            line("  name", quoted(finding.name()));
        }
        line("  kind", host ? "web-beacon" : finding.kind().equals("cookie") ? "cookie" : "local-storage");
        line("  provider", quoted(known != null ? known.provider() : provider(finding)));
        line("  party", host || Boolean.TRUE.equals(finding.thirdParty()) ? "third" : "first");
        if (known != null && known.category() != null) {
            line("  category", known.category());
        } else {
            yaml.append("    category:   # unknown: ")
                    .append(List.of(Cookie.Category.values()).stream()
                            .map(Cookie.Category::key)
                            .collect(Collectors.joining(", ")))
                    .append('\n');
        }
        if (finding.lifetime() != null) {
            line("  duration", quoted(finding.lifetime()));
        }
        if (host) {
            line("  hosts", "[" + quoted(finding.name()) + "]");
        }
        if (known != null && !known.description().isEmpty()) {
            line("  purpose", quoted(known.description()));
        } else {
            yaml.append("    purpose:   # unknown to the Open Cookie Database: say what it does\n");
        }
        if (known != null && !known.privacyUrl().isEmpty()) {
            yaml.append("    # the provider's privacy page: ")
                    .append(comment(known.privacyUrl()))
                    .append('\n');
        }
    }

    private void line(String name, String value) {
        yaml.append("  ").append(name).append(": ").append(value).append('\n');
    }

    /** A first party is the site; another is named by its registrable domain, the best guess at who runs it. */
    private String provider(Finding finding) {
        String where = finding.kind().equals("host") ? finding.name().replaceAll(":\\d+$", "") : finding.domain();
        if (where == null || !Boolean.TRUE.equals(finding.thirdParty())) {
            return target.siteName();
        }
        String bare = where.startsWith(".") ? where.substring(1) : where;
        String root = Parties.root(bare);
        return root == null ? bare : root;
    }

    /** A key from the name, in the catalog's spelling, not yet taken by the catalog or this snippet. */
    private String key(String name) {
        String base =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        base = base.isEmpty() ? "cookie" : base;
        String key = base;
        for (int n = 2; !keys.add(key); n++) {
            key = base + "-" + n;
        }
        return key;
    }

    /** A YAML double-quoted scalar: any text stays text, whatever quotes, colons or line breaks it holds. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String comment(@Nullable String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n]+", " ");
    }
}
