package dev.steward.cookies;

import java.util.List;
import java.util.Map;

/**
 * A site's cookie banner exactly as one visitor is shown it: in their jurisdiction and language, under the notice
 * version in force. {@code wording} is every word shown, in order; its SHA-256 goes to the ledger with each choice.
 *
 * @param revision the version since which the cookies stand as they are (see {@code CookieRevisions})
 * @param modal whether the banner waits for an answer before the page is used: some category asks first here
 * @param doNotSell whether "Do not sell or share" is offered: a US-regime jurisdiction with such cookies running by
 *     default
 * @param partLanguages the language of each text shown untranslated, by its words (not part of the wording)
 */
record BannerView(
        String site,
        String jurisdiction,
        String language,
        String version,
        String revision,
        boolean modal,
        boolean doNotSell,
        long expiresMillis,
        String choiceCookie,
        Map<String, String> texts,
        List<CategoryView> categories,
        String wording,
        String wordingHash,
        Map<String, String> partLanguages) {

    /** One cookie category: on by default unless it asks first; {@code names} are the cookies it may delete. */
    record CategoryView(
            String key,
            String name,
            String description,
            String purpose,
            boolean necessary,
            boolean optIn,
            boolean soldOrShared,
            List<String> consentMode,
            List<CookieView> cookies,
            List<String> names) {}

    record CookieView(String provider, String purpose, String duration) {}

    /** The categories a visitor chooses about: all but the strictly necessary. */
    List<CategoryView> choosable() {
        return categories.stream().filter(category -> !category.necessary()).toList();
    }
}
