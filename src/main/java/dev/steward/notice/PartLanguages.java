package dev.steward.notice;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * The languages of a notice's parts that are not the page's: the catalog texts it shows untranslated, by their words,
 * so that the page marks each ({@code lang}) and a screen reader pronounces an English activity name inside a German
 * notice as English (WCAG 2.1, 3.1.2 language of parts). Kept beside {@link NoticeFacts}, not in them: the facts are
 * {@code privacy.json} and the digest a published version is held to, which must not change with the marks. A text that
 * reads the same as an untranslated one is marked with it; its words are the same. Public for the templates' expressions
 * only, which call it by reflection.
 */
public record PartLanguages(Map<String, String> byText) {

    public PartLanguages {
        byText = Map.copyOf(byText);
    }

    /** The language of the text where it is not the page's, else null (a template then leaves the mark out). */
    public @Nullable String of(@Nullable String text) {
        return text == null ? null : byText.get(text);
    }

    /** The text as HTML for a sentence of the page's own words, inside a marked span where it is untranslated. */
    public String inline(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String language = byText.get(text);
        String escaped = HtmlUtils.htmlEscape(text);
        return language == null ? escaped : "<span lang=\"" + language + "\">" + escaped + "</span>";
    }
}
