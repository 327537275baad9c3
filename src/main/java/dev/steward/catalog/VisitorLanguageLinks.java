package dev.steward.catalog;

import dev.steward.platform.MessageBundle;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The language switch of a site's pages, and the visible note that some of the catalog's texts are not in the
 * visitor's language and are shown in the site's default language instead. Templates call it as
 * {@code @visitorLanguageLinks}.
 */
@Component("visitorLanguageLinks")
public class VisitorLanguageLinks {

    /** One language of the switch, named in itself ("Deutsch", "日本語"). */
    public record Choice(String tag, String name, boolean current) {}

    public record Links(List<Choice> choices, @Nullable String fallback) {}

    private final Catalogs catalogs;
    private final MessageSource messages;
    private final Map<String, Boolean> complete = new ConcurrentHashMap<>();

    VisitorLanguageLinks(Catalogs catalogs, MessageSource messages) {
        this.catalogs = catalogs;
        this.messages = messages;
    }

    public Links of(String siteKey, Locale locale) {
        Site site = catalogs.requireSite(siteKey);
        String current =
                VisitorLanguages.declared(site).contains(locale.getLanguage()) ? locale.getLanguage() : site.language();
        List<Choice> choices = VisitorLanguages.declared(site).stream()
                .map(tag -> new Choice(tag, name(tag, Locale.forLanguageTag(tag)), tag.equals(current)))
                .toList();
        String fallback = current.equals(site.language()) || translated(siteKey, current)
                ? null
                : note("layout.fallback", site, current, locale);
        return new Links(choices, fallback);
    }

    /** The console's switch: every language Steward ships its console in, each named in itself. */
    public List<Choice> console(Locale locale) {
        return MessageBundle.SHIPPED.stream()
                .map(tag -> new Choice(tag, name(tag, Locale.forLanguageTag(tag)), tag.equals(locale.getLanguage())))
                .toList();
    }

    /**
     * The note for a page whose own texts (not the site's as a whole) are partly in the site's default language,
     * such as a stored rendition of the notice.
     */
    public String pageFallback(String siteKey, Locale locale) {
        return note("layout.pageFallback", catalogs.requireSite(siteKey), locale.getLanguage(), locale);
    }

    private String note(String key, Site site, String current, Locale locale) {
        return messages.getMessage(key, new Object[] {name(current, locale), name(site.language(), locale)}, locale);
    }

    private static String name(String tag, Locale in) {
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(in);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(in) + name.substring(1);
    }

    /** Whether every text of the site's catalog exists in the language. */
    private boolean translated(String siteKey, String language) {
        return complete.computeIfAbsent(
                siteKey + "/" + language, key -> !missing(catalogs.of(siteKey).content(), language));
    }

    private static boolean missing(@Nullable Object value, String language) {
        if (value instanceof LocalizedText text) {
            return !text.byLanguage().containsKey(language);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().anyMatch(item -> missing(item, language));
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(item -> missing(item, language));
        }
        if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    if (missing(component.getAccessor().invoke(value), language)) {
                        return true;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return false;
    }
}
