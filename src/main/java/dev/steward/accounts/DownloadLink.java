package dev.steward.accounts;

import dev.steward.catalog.Form;
import org.jspecify.annotations.Nullable;

/** A file of the download area in the site's language, as the page lists it. */
record DownloadLink(String title, String href, @Nullable String description) {

    static DownloadLink of(Form.Download download, String language) {
        return new DownloadLink(
                download.title().in(language),
                download.href(),
                download.description() == null ? null : download.description().in(language));
    }
}
