package dev.steward.cookies.scanner;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.catalog.CookieBanner;
import dev.steward.catalog.CookieBanner.Texts;
import dev.steward.catalog.LocalizedText;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Answers Steward's banner on a page as a visitor does: by pressing its "Accept all" or "Reject all" button, found
 * by the words the catalog gives it in the banner's language. Then it checks that the banner took the answer for every
 * category it asks about, so that a scan never reports "after rejecting" what was in truth never rejected.
 */
final class BannerAnswer {

    private static final Duration WAIT = Duration.ofSeconds(10);

    enum Outcome {
        TAKEN,
        NOT_DECLARED,
        NOT_FOUND,
        NO_BUTTON,
        NOT_TAKEN
    }

    private BannerAnswer() {}

    static Outcome give(BrowserPass pass, ScanTarget target, boolean accept, Deadline deadline) {
        CookieBanner banner = target.banner();
        if (banner == null) {
            return Outcome.NOT_DECLARED;
        }
        Page page = pass.page();
        try {
            page.waitForFunction(
                    "() => !!(window.stewardConsent && window.stewardConsent.ready)",
                    null,
                    new Page.WaitForFunctionOptions().setTimeout(deadline.millis(WAIT)));
            Locator dialog = page.locator("dialog.stw");
            String language = Objects.requireNonNullElse(
                    dialog.getAttribute("lang"), target.site().language());
            LocalizedText words =
                    banner.text(target.jurisdiction().key(), accept ? Texts::acceptAll : Texts::rejectAll);
            Locator button = dialog.getByRole(
                    AriaRole.BUTTON,
                    new Locator.GetByRoleOptions()
                            .setName(words == null ? "" : words.in(language))
                            .setExact(true));
            if (button.count() != 1) {
                return Outcome.NO_BUTTON;
            }
            button.click();
            pass.settle(deadline);
            return took(page.evaluate("() => window.stewardConsent.categories"), banner, accept)
                    ? Outcome.TAKEN
                    : Outcome.NOT_TAKEN;
        } catch (PlaywrightException e) {
            return Outcome.NOT_FOUND;
        }
    }

    private static boolean took(@Nullable Object categories, CookieBanner banner, boolean accept) {
        if (!(categories instanceof Map<?, ?> state)) {
            return false;
        }
        return banner.categories().stream()
                .filter(category -> !category.necessary())
                .allMatch(category -> Boolean.valueOf(accept)
                        .equals(state.get(category.category().key())));
    }
}
