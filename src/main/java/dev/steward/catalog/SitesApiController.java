package dev.steward.catalog;

import dev.steward.catalog.DataCategory.Field;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The sites and their forms as integrators build against them: fields with types, consent boxes with wording. */
@RestController
class SitesApiController {

    private final Catalogs catalogs;

    SitesApiController(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    @Operation(
            summary = "List the sites",
            description =
                    "Every site of the catalog with its forms, their fields and consent boxes, so that a website can render or check a form before submitting it.")
    @GetMapping("/api/v1/sites")
    SiteList sites() {
        return new SiteList(catalogs.sites().stream().map(this::site).toList());
    }

    private SiteEntry site(Site site) {
        Catalog catalog = catalogs.of(site.key());
        String language = site.language();
        List<FormEntry> forms = catalog.formsOf(site.key()).stream()
                .map(form -> form(catalog, form, language))
                .toList();
        return new SiteEntry(site.key(), site.name().in(language), site.baseUrl(), site.jurisdictions(), forms);
    }

    private FormEntry form(Catalog catalog, Form form, String language) {
        ProcessingActivity activity = catalog.activity(form.activity()).orElseThrow();
        List<FieldEntry> fields = form.fields().stream()
                .map(key -> field(catalog.field(key).orElseThrow(), !activity.isVoluntary(key), language))
                .toList();
        List<ConsentEntry> consents = form.consents().stream()
                .map(box -> new ConsentEntry(
                        box.purpose(), box.required(), box.text().in(language)))
                .toList();
        return new FormEntry(form.key(), form.activity(), form.title().in(language), fields, consents);
    }

    private static FieldEntry field(Field field, boolean required, String language) {
        List<String> options =
                field.options().stream().map(DataCategory.Option::value).toList();
        return new FieldEntry(
                field.key(),
                field.type().name().toLowerCase().replace('_', '-'),
                field.label().in(language),
                required,
                field.maxLength(),
                options);
    }

    record SiteList(List<SiteEntry> sites) {}

    record SiteEntry(String key, String name, String baseUrl, List<String> jurisdictions, List<FormEntry> forms) {}

    record FormEntry(String key, String activity, String title, List<FieldEntry> fields, List<ConsentEntry> consents) {}

    record FieldEntry(
            String key,
            String type,
            String label,
            boolean required,
            @Nullable Integer maxLength,
            List<String> options) {}

    record ConsentEntry(String purpose, boolean required, String text) {}
}
