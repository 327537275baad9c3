package dev.steward.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Everything one catalog declares, as written; a catalog folder's files are concatenated into one. */
public record CatalogContent(
        List<Controller> controllers,
        List<Jurisdiction> jurisdictions,
        List<Site> sites,
        List<Purpose> purposes,
        List<DataCategory> dataCategories,
        List<Recipient> recipients,
        List<RetentionRule> retentionRules,
        List<ProcessingActivity> activities,
        List<Form> forms,
        List<Cookie> cookies,
        List<CookieBanner> cookieBanners,
        List<SecurityMeasure> securityMeasures,
        List<TextBlock> texts) {

    public static CatalogContent concat(List<CatalogContent> parts) {
        return new CatalogContent(
                flat(parts, CatalogContent::controllers),
                flat(parts, CatalogContent::jurisdictions),
                flat(parts, CatalogContent::sites),
                flat(parts, CatalogContent::purposes),
                flat(parts, CatalogContent::dataCategories),
                flat(parts, CatalogContent::recipients),
                flat(parts, CatalogContent::retentionRules),
                flat(parts, CatalogContent::activities),
                flat(parts, CatalogContent::forms),
                flat(parts, CatalogContent::cookies),
                flat(parts, CatalogContent::cookieBanners),
                flat(parts, CatalogContent::securityMeasures),
                flat(parts, CatalogContent::texts));
    }

    private static <T> List<T> flat(List<CatalogContent> parts, Function<CatalogContent, List<T>> section) {
        List<T> all = new ArrayList<>();
        parts.forEach(part -> all.addAll(section.apply(part)));
        return List.copyOf(all);
    }
}
