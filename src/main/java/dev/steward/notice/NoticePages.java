package dev.steward.notice;

import dev.steward.platform.Durations;
import dev.steward.platform.Markdown;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Renders notice pages to HTML strings, so that the page published and stored is byte for byte the page a
 * visitor is served. Templates hold structure and headings only; every fact comes from {@link NoticeFacts}.
 */
@Component
class NoticePages {

    private final TemplateEngine templates;
    private final Markdown markdown;
    private final Durations durations;
    private final ApplicationContext beans;

    NoticePages(TemplateEngine templates, Markdown markdown, Durations durations, ApplicationContext beans) {
        this.templates = templates;
        this.markdown = markdown;
        this.durations = durations;
        this.beans = beans;
    }

    /**
     * The notice as published and stored in one language, whoever publishes it. Where some of its facts were not
     * translated, its header says so instead of the note about the site's texts as a whole, and each such part is
     * marked with its language.
     */
    String privacy(NoticeFacts facts, Locale language, boolean complete, PartLanguages parts) {
        return render("notice/privacy", model(facts, complete, parts), language);
    }

    String cookies(NoticeFacts facts, Locale language, boolean complete, PartLanguages parts) {
        return render("notice/cookies", model(facts, complete, parts), language);
    }

    private static Map<String, Object> model(NoticeFacts facts, boolean complete, PartLanguages parts) {
        return Map.of("notice", facts, "pageTranslated", complete, "noticeParts", parts);
    }

    /** A page in the language of the request being served. */
    String render(String template, Map<String, Object> model) {
        return render(template, model, LocaleContextHolder.getLocale());
    }

    private String render(String template, Map<String, Object> model, Locale language) {
        Context context = new Context(language);
        // templates reach helper beans (@siteTimes, @visitorLanguageLinks) as in a page Spring MVC renders
        context.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(beans, null));
        context.setVariables(model);
        context.setVariable("md", markdown);
        context.setVariable("durations", durations);
        return templates.process(template, context);
    }
}
