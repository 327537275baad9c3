package dev.steward.platform;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Renders the catalog's editorial Markdown. Raw HTML in the source is escaped and unsafe link schemes dropped, so a
 * catalog cannot inject script into a page.
 */
@Component
public class Markdown {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String html(@Nullable String markdown) {
        return markdown == null ? "" : renderer.render(parser.parse(markdown));
    }
}
