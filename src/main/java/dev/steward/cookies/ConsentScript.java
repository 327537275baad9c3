package dev.steward.cookies;

import dev.steward.cookies.BannerView.CategoryView;
import dev.steward.notice.NoticeAnnouncements.Announcement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The script a site embeds: the static script and style sheet under {@code cookies/}, with the banner's configuration
 * set in as JSON. Nothing is built: the files are served as written, so their size is what the build measures.
 */
@Component
class ConsentScript {

    static final String SCRIPT = "cookies/consent.js";
    static final String STYLE = "cookies/consent.css";
    private static final String PLACEHOLDER = "__STEWARD_CONFIG__";

    private final JsonMapper json;
    private final String script;
    private final String style;

    ConsentScript(JsonMapper json) {
        this.json = json;
        this.script = read(SCRIPT);
        this.style = read(STYLE);
        if (!script.contains(PLACEHOLDER)) {
            throw new IllegalStateException(SCRIPT + " lacks its configuration placeholder " + PLACEHOLDER);
        }
    }

    static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String style() {
        return style;
    }

    /**
     * The script for one visitor. {@code strict} leaves the style sheet out of the script: the script links it
     * instead, so a page whose Content-Security-Policy forbids inline styles needs only Steward's origin allowed.
     */
    String render(
            BannerView banner, Addresses addresses, boolean gpc, boolean strict, @Nullable Announcement announcement) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("site", banner.site());
        config.put("api", addresses.api());
        config.put("receipts", addresses.receipts());
        config.put("policy", addresses.policy());
        config.put(strict ? "styleSheet" : "style", strict ? addresses.styleSheet() : style);
        config.put("version", banner.version());
        config.put("revision", banner.revision());
        config.put("hash", banner.wordingHash());
        config.put("jurisdiction", banner.jurisdiction());
        config.put("lang", banner.language());
        config.put("modal", banner.modal());
        config.put("dns", banner.doNotSell());
        config.put("gpc", gpc);
        config.put("expires", banner.expiresMillis());
        config.put("cookie", banner.choiceCookie());
        config.put("texts", banner.texts());
        config.put("langs", banner.partLanguages());
        if (announcement != null) {
            // shown once to a visitor whose choice was made under an older version of the notice
            config.put(
                    "change",
                    Map.of(
                            "title", announcement.heading(),
                            "summary", announcement.summary(),
                            "link", addresses.base() + announcement.diffPath(),
                            "linkText", announcement.linkText(),
                            "close", announcement.closeText()));
        }
        config.put(
                "categories",
                banner.categories().stream().map(ConsentScript::category).toList());
        // the JSON is set into JavaScript source: U+2028 and U+2029 end lines there in older engines
        String configJson =
                json.writeValueAsString(config).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        return script.replace(PLACEHOLDER, configJson);
    }

    private static Map<String, Object> category(CategoryView category) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", category.key());
        view.put("name", category.name());
        view.put("description", category.description());
        view.put("necessary", category.necessary());
        view.put("optIn", category.optIn());
        view.put("soldOrShared", category.soldOrShared());
        view.put("consentMode", category.consentMode());
        view.put("cookies", category.cookies());
        view.put("names", category.names());
        return view;
    }

    /** Where the script's requests go, absolute, as the visitor's browser reached Steward. */
    record Addresses(String base, String api, String receipts, String policy, String styleSheet) {}
}
