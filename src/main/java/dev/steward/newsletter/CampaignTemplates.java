package dev.steward.newsletter;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The templates that frame a campaign: header, body, and the footer with why the person receives it, the
 * controller's identity and postal address and the privacy notice. A site may have its own pair
 * ({@code templates/newsletter/mail/SITE.html} and {@code SITE.txt}); every other site uses {@code default}. The
 * footer's words come from the visitors' message bundles, in the campaign's language: the one its body is written in,
 * so that a reader does not get a German body under an English footer.
 */
@Component
class CampaignTemplates {

    private static final String PREFIX = "templates/newsletter/mail/";

    /** Its own engine (Spring EL, as the pages use), resolving only the mail templates. */
    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    CampaignTemplates(MessageSource messages) {
        engine.setTemplateEngineMessageSource(messages);
        engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
    }

    String html(String site, Locale language, Map<String, Object> variables) {
        return engine.process(name(site, ".html"), new Context(language, variables));
    }

    String text(String site, Locale language, Map<String, Object> variables) {
        return engine.process(name(site, ".txt"), new Context(language, variables));
    }

    private static String name(String site, String suffix) {
        boolean own = CampaignTemplates.class.getClassLoader().getResource(PREFIX + site + suffix) != null;
        return (own ? site : "default") + suffix;
    }

    private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(PREFIX);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }
}
