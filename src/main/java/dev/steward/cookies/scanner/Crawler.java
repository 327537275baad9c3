package dev.steward.cookies.scanner;

import com.microsoft.playwright.Browser;
import dev.steward.cookies.scanner.BannerAnswer.Outcome;
import dev.steward.cookies.scanner.BrowserPass.PageVisit;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Visits the site twice, each time as a new visitor: first rejecting everything the banner asks about, then accepting
 * everything. The first pass finds the pages (base address, pages asked for, sitemap, links) up to the page limit
 * and may use half the time limit; the second visits the same pages. Before the banner is answered on the first page,
 * whatever is set counts as set before consent.
 */
final class Crawler {

    private final ScanTarget target;
    private final Browser browser;
    private final Duration pageTimeout;
    private final Consumer<ScanProgress> progress;
    private final Observations seen;
    private final List<PageVisit> visits = new ArrayList<>();
    private final List<URI> addresses = new ArrayList<>();
    private int done;

    Crawler(ScanTarget target, Browser browser, Duration pageTimeout, Consumer<ScanProgress> progress) {
        this.target = target;
        this.browser = browser;
        this.pageTimeout = pageTimeout;
        this.progress = progress;
        this.seen = new Observations(target);
    }

    Crawl crawl(Deadline deadline, Duration timeLimit, Supplier<Set<String>> refused) {
        Outcome rejected = pass(false, Frontier.of(target), deadline.within(timeLimit.dividedBy(2)));
        Frontier again = new Frontier(target);
        addresses.forEach(address -> again.offer(address.toString()));
        Outcome accepted = pass(true, again, deadline);
        Problem banner = bannerProblem(rejected == Outcome.TAKEN ? accepted : rejected);
        if (banner != null) {
            seen.problem(banner);
        }
        if (deadline.passed() || done < visits.size() * 2) {
            seen.problem(Problem.note("time-limit"));
        }
        return seen.crawl(visits.stream().map(PageVisit::page).toList(), refused.get());
    }

    private Outcome pass(boolean accept, Frontier frontier, Deadline deadline) {
        String step = accept ? "accepting" : "rejecting";
        Outcome outcome = Outcome.NOT_FOUND;
        boolean answered = false;
        seen.moment(Moment.BEFORE_CHOICE);
        try (BrowserPass pass = new BrowserPass(browser, target, seen, pageTimeout)) {
            while (!deadline.passed() && (accept || addresses.size() < target.pages())) {
                URI next = frontier.next();
                if (next == null) {
                    break;
                }
                progress.accept(new ScanProgress(
                        step,
                        WebAddresses.withoutQuery(next.toString()),
                        done,
                        planned(accept, frontier.waiting() + 1)));
                PageVisit visit = pass.visit(next, deadline);
                done++;
                if (!accept) {
                    visits.add(visit);
                    addresses.add(next);
                    frontier.offerAll(visit.links());
                }
                if (!answered && visit.onSite()) {
                    answered = true;
                    if (!accept) {
                        frontier.offerAll(pass.sitemap(target.pages()));
                    }
                    outcome = BannerAnswer.give(pass, target, accept, deadline);
                    if (outcome == Outcome.TAKEN) {
                        seen.moment(accept ? Moment.AFTER_ACCEPTING : Moment.AFTER_REJECTING);
                        pass.snapshot();
                    }
                }
            }
        }
        progress.accept(new ScanProgress(step + "-done", null, done, planned(accept, frontier.waiting())));
        return outcome;
    }

    /** Both passes' page visits as far as known: the first pass's grows with the pages still waiting. */
    private int planned(boolean accept, int waiting) {
        int first = accept ? addresses.size() : Math.min(target.pages(), addresses.size() + waiting);
        return first * 2;
    }

    private @Nullable Problem bannerProblem(Outcome outcome) {
        return switch (outcome) {
            case TAKEN -> null;
            case NOT_DECLARED -> Problem.note("no-banner-declared");
            case NOT_FOUND -> Problem.warning("no-banner", "/s/" + target.siteKey() + "/consent.js");
            case NO_BUTTON -> Problem.warning("banner-without-button");
            case NOT_TAKEN -> Problem.warning("choice-not-taken");
        };
    }
}
