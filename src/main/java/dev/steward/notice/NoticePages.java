package dev.steward.notice;

import dev.steward.platform.Durations;
import dev.steward.platform.Markdown;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders notice pages to HTML strings, so that the page published and stored is byte for byte the page a
 * visitor is served. Templates hold structure and headings only; every fact comes from {@link NoticeFacts}.
 */
@Component
class NoticePages {

    private final TemplateEngine templates;
    private final Markdown markdown;
    private final Durations durations;

    NoticePages(TemplateEngine templates, Markdown markdown, Durations durations) {
        this.templates = templates;
        this.markdown = markdown;
        this.durations = durations;
    }

    String privacy(NoticeFacts facts) {
        return render("notice/privacy", Map.of("notice", facts));
    }

    String cookies(NoticeFacts facts) {
        return render("notice/cookies", Map.of("notice", facts));
    }

    String render(String template, Map<String, Object> model) {
        Context context = new Context();
        context.setVariables(model);
        context.setVariable("md", markdown);
        context.setVariable("durations", durations);
        return templates.process(template, context);
    }
}
