package dev.steward.cookies.scanner;

import dev.steward.catalog.Cookie;
import dev.steward.cookies.scanner.Crawl.SeenCookie;
import dev.steward.cookies.scanner.Crawl.SeenHost;
import dev.steward.cookies.scanner.Crawl.SeenStorage;
import dev.steward.cookies.scanner.ScanReport.Declared;
import dev.steward.cookies.scanner.ScanReport.Finding;
import dev.steward.cookies.scanner.ScanReport.Suggestion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Holds what a scan saw against the catalog: each cookie, storage key and host of another party is declared or not,
 * used before consent or after refusal or not, kept longer than declared or not; declared ones never seen are listed
 * too. What the catalog does not know is looked up in the Open Cookie Database.
 */
final class CatalogCheck {

    private static final Comparator<Finding> WORST_FIRST = Comparator.comparingInt(CatalogCheck::rank)
            .thenComparing(Finding::kind)
            .thenComparing(Finding::name);

    private final ScanTarget target;
    private final CookieDatabase database;
    private final ConsentRules rules;
    private final Set<String> seenKeys = new HashSet<>();

    CatalogCheck(ScanTarget target, CookieDatabase database) {
        this.target = target;
        this.database = database;
        this.rules = new ConsentRules(target);
    }

    List<Finding> findings(Crawl crawl) {
        List<Finding> findings = new ArrayList<>();
        crawl.cookies().forEach(cookie -> findings.add(cookie(cookie)));
        crawl.storage().forEach(storage -> findings.add(storage(storage)));
        crawl.hosts().forEach(host -> findings.add(host(host)));
        target.declared().stream()
                .filter(cookie -> !seenKeys.contains(cookie.key()))
                .forEach(cookie -> findings.add(unseen(cookie)));
        findings.sort(WORST_FIRST);
        return findings;
    }

    private Finding cookie(SeenCookie seen) {
        String domain = seen.domain().startsWith(".") ? seen.domain().substring(1) : seen.domain();
        Optional<Cookie> declared = declared(cookie -> cookie.kind() == Cookie.Kind.COOKIE
                        && cookie.namedAs(seen.name())
                        && (cookie.hosts().isEmpty()
                                ? cookie.party() == Cookie.Party.THIRD || !seen.thirdParty()
                                : cookie.servedFrom(domain, null)))
                .or(() -> declared(cookie -> cookie.kind() == Cookie.Kind.COOKIE
                        && cookie.name() == null
                        && cookie.servedFrom(domain, null)));
        Lifetime lifetime = new Lifetime(seen.lifetimeSeconds());
        Judgement judgement = judge(declared, database.cookie(seen.name()), seen.moments(), "cookie");
        declared.flatMap(cookie -> Lifetime.read(cookie.duration())
                        .filter(promised -> promised.exceededBy(lifetime))
                        .map(promised ->
                                Problem.violation("longer-than-declared", lifetime.argument(), cookie.duration())))
                .ifPresent(judgement.problems::add);
        return finding(
                "cookie",
                seen.name(),
                seen,
                seen.thirdParty(),
                seen.setBy(),
                seen.firstPage(),
                seen.moments(),
                List.of(),
                judgement);
    }

    private Finding storage(SeenStorage seen) {
        Optional<Cookie> declared =
                declared(cookie -> cookie.kind() == Cookie.Kind.LOCAL_STORAGE && cookie.namedAs(seen.key()));
        Judgement judgement = judge(declared, database.cookie(seen.key()), seen.moments(), "storage");
        return finding(
                seen.area().words(),
                seen.key(),
                null,
                null,
                seen.setBy(),
                seen.firstPage(),
                seen.moments(),
                List.of(),
                judgement);
    }

    private Finding host(SeenHost seen) {
        Optional<Cookie> declared =
                declared(cookie -> cookie.servedFrom(seen.host(), seen.port() < 0 ? null : seen.port()));
        Judgement judgement = judge(declared, database.host(seen.host()), seen.moments(), "host");
        if (seen.refused()) {
            judgement.problems.add(Problem.warning("refused-address"));
        }
        return finding(
                "host",
                seen.name(),
                null,
                true,
                null,
                seen.firstPage(),
                seen.moments(),
                List.copyOf(seen.types()),
                judgement);
    }

    private Finding unseen(Cookie cookie) {
        boolean checkable = cookie.name() != null || !cookie.hosts().isEmpty();
        Problem problem = checkable ? Problem.warning("never-seen") : Problem.note("not-checkable");
        String name = cookie.name() != null
                ? cookie.name()
                : cookie.hosts().isEmpty() ? cookie.provider() : String.join(", ", cookie.hosts());
        String kind = cookie.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return finding(
                kind,
                name,
                null,
                null,
                null,
                null,
                Set.of(),
                List.of(),
                new Judgement(declaredAs(cookie), null, List.of(problem)));
    }

    /** A finding; the cookie's own facts (domain, path, lifetime) only for a cookie seen. */
    private static Finding finding(
            String kind,
            String name,
            @Nullable SeenCookie cookie,
            @Nullable Boolean thirdParty,
            @Nullable String setBy,
            @Nullable String firstPage,
            Set<Moment> moments,
            List<String> types,
            Judgement judgement) {
        return new Finding(
                kind,
                name,
                cookie == null ? null : cookie.domain(),
                cookie == null ? null : cookie.path(),
                cookie == null ? null : new Lifetime(cookie.lifetimeSeconds()).words(),
                cookie == null ? null : cookie.lifetimeSeconds(),
                thirdParty,
                setBy,
                firstPage,
                sorted(moments),
                types,
                judgement.declared,
                judgement.suggestion,
                judgement.problems);
    }

    /** A declared one is checked against its category; an undeclared one is reported with what the database knows. */
    private Judgement judge(
            Optional<Cookie> declared, Optional<CookieDatabase.Entry> known, Set<Moment> moments, String what) {
        if (declared.isPresent()) {
            seenKeys.add(declared.get().key());
            return new Judgement(
                    declaredAs(declared.get()), null, rules.check(declared.get().category(), moments, false));
        }
        List<Problem> problems = new ArrayList<>();
        Suggestion suggestion = known.map(Suggestion::of).orElse(null);
        problems.add(
                suggestion == null
                        ? Problem.violation("undeclared", what)
                        : Problem.violation(
                                "undeclared",
                                what,
                                suggestion.platform(),
                                suggestion.provider(),
                                suggestion.category() == null ? "" : suggestion.category()));
        known.map(CookieDatabase.Entry::suggested)
                .ifPresent(category -> problems.addAll(rules.check(category, moments, true)));
        return new Judgement(null, suggestion, problems);
    }

    private Optional<Cookie> declared(Predicate<Cookie> matches) {
        return target.declared().stream().filter(matches).findFirst();
    }

    private Declared declaredAs(Cookie cookie) {
        String language = target.site().language();
        return new Declared(
                cookie.key(),
                cookie.provider(),
                rules.name(cookie.category()),
                cookie.duration(),
                cookie.purpose().in(language));
    }

    private static List<Moment> sorted(Set<Moment> moments) {
        return moments.stream().sorted().toList();
    }

    private static int rank(Finding finding) {
        if (finding.has(Problem.Severity.VIOLATION)) {
            return 0;
        }
        if (finding.has(Problem.Severity.WARNING)) {
            return 1;
        }
        return finding.has(Problem.Severity.NOTE) ? 2 : 3;
    }

    private record Judgement(
            @Nullable Declared declared, @Nullable Suggestion suggestion, List<Problem> problems) {

        Judgement {
            problems = new ArrayList<>(problems);
        }
    }
}
