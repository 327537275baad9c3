package dev.steward.notice;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Cookie;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Recipient;
import dev.steward.catalog.RetentionRule;
import dev.steward.catalog.Site;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The facts of a site's notice that a change can add, remove or alter, independent of region: purposes, fields,
 * activities, recipients, transfers, retention rules and cookies, each element flattened to named attributes so
 * two versions compare attribute by attribute.
 */
record SiteFacts(Map<String, Map<String, Map<String, String>>> categories) {

    static SiteFacts of(Catalog catalog, Site site) {
        List<ProcessingActivity> activities = catalog.activitiesOf(site.key());
        List<Recipient> recipients = catalog.recipients().stream()
                .filter(recipient ->
                        activities.stream().anyMatch(a -> a.recipients().contains(recipient.key()))
                                || recipient.key().equals(site.hostedBy()))
                .toList();
        Map<String, Map<String, Map<String, String>>> categories = new LinkedHashMap<>();
        categories.put(
                "purposes",
                index(
                        activities.stream()
                                .flatMap(activity -> catalog.purposesOf(activity).stream())
                                .distinct()
                                .toList(),
                        Purpose::key,
                        SiteFacts::purpose));
        categories.put(
                "fields",
                index(
                        activities.stream()
                                .flatMap(activity -> activity.fields().stream())
                                .map(collected -> collected.field())
                                .distinct()
                                .map(key -> catalog.field(key).orElseThrow())
                                .toList(),
                        DataCategory.Field::key,
                        field -> field(catalog, field)));
        categories.put("activities", index(activities, ProcessingActivity::key, SiteFacts::activity));
        categories.put("recipients", index(recipients, Recipient::key, SiteFacts::recipient));
        categories.put(
                "transfers",
                index(recipients.stream().filter(r -> !r.isInEea()).toList(), Recipient::key, SiteFacts::transfer));
        categories.put(
                "retentionRules",
                index(
                        activities.stream()
                                .map(activity -> catalog.retentionRule(activity.retention())
                                        .orElseThrow())
                                .distinct()
                                .toList(),
                        RetentionRule::key,
                        SiteFacts::retention));
        categories.put("cookies", index(catalog.cookiesOf(site.key()), Cookie::key, SiteFacts::cookie));
        return new SiteFacts(categories);
    }

    private static <T> Map<String, Map<String, String>> index(
            List<T> elements, Function<T, String> key, Function<T, Map<String, String>> attributes) {
        Map<String, Map<String, String>> index = new TreeMap<>();
        elements.forEach(element -> index.put(key.apply(element), attributes.apply(element)));
        return index;
    }

    private static Map<String, String> purpose(Purpose purpose) {
        return attributes(
                "name", purpose.name(),
                "legalBasis",
                        new TreeMap<>(purpose.legalBasis())
                                .entrySet().stream()
                                        .map(entry -> entry.getKey() + ": "
                                                + entry.getValue().stream()
                                                        .map(b -> b.key())
                                                        .collect(Collectors.joining(", ")))
                                        .collect(Collectors.joining("; ")),
                "directMarketing", purpose.directMarketing(),
                "consentValidity", purpose.consentValidity());
    }

    private static Map<String, String> field(Catalog catalog, DataCategory.Field field) {
        return attributes(
                "label", field.label(),
                "type", field.type().name().toLowerCase(),
                "category",
                        catalog.categoryOf(field.key()).map(DataCategory::key).orElse(""));
    }

    private static Map<String, String> activity(ProcessingActivity activity) {
        return attributes(
                "name", activity.name(),
                "purposes", String.join(", ", activity.purposes()),
                "fields",
                        activity.fields().stream()
                                .map(f -> f.voluntary() ? f.field() + " (voluntary)" : f.field())
                                .collect(Collectors.joining(", ")),
                "recipients", String.join(", ", activity.recipients()),
                "retention", activity.retention(),
                "consent",
                        activity.consent() == null ? null : activity.consent().text());
    }

    private static Map<String, String> recipient(Recipient recipient) {
        return attributes(
                "name", recipient.name(),
                "role", recipient.role().name().toLowerCase(),
                "country", recipient.country(),
                "service", recipient.service(),
                "confidentialityAgreement", recipient.confidentialityAgreement());
    }

    private static Map<String, String> transfer(Recipient recipient) {
        return attributes(
                "thirdParty", recipient.name(),
                "country", recipient.country(),
                "safeguard",
                        recipient.safeguard() == null
                                ? null
                                : recipient.safeguard().citation());
    }

    private static Map<String, String> retention(RetentionRule rule) {
        return attributes(
                "rule", rule.rule(),
                "statutoryMinimum", rule.statutoryMinimum(),
                "description", rule.description());
    }

    private static Map<String, String> cookie(Cookie cookie) {
        return attributes(
                "name", cookie.name(),
                "provider", cookie.provider(),
                "party", cookie.party().name().toLowerCase(),
                "category", cookie.category().name().toLowerCase(),
                "duration", cookie.duration(),
                "purpose", cookie.purpose());
    }

    /** Named attributes from alternating names and values; absent values are left out. */
    private static Map<String, String> attributes(Object... namesAndValues) {
        Map<String, String> attributes = new TreeMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                attributes.put((String) namesAndValues[i], value.toString());
            }
        }
        return attributes;
    }

    /** What changed from this version to a later one, element by element. */
    List<NoticeDiff.Change> changesTo(SiteFacts later) {
        List<NoticeDiff.Change> changes = new java.util.ArrayList<>();
        for (String category : later.categories.keySet()) {
            Map<String, Map<String, String>> before = categories.getOrDefault(category, Map.of());
            Map<String, Map<String, String>> after = later.categories.get(category);
            before.keySet().stream()
                    .filter(key -> !after.containsKey(key))
                    .forEach(key -> changes.add(new NoticeDiff.Change(category, key, "removed", Map.of())));
            after.keySet().stream()
                    .filter(key -> !before.containsKey(key))
                    .forEach(key -> changes.add(new NoticeDiff.Change(category, key, "added", Map.of())));
            after.keySet().stream().filter(before::containsKey).forEach(key -> {
                Map<String, NoticeDiff.Attribute> altered = altered(before.get(key), after.get(key));
                if (!altered.isEmpty()) {
                    changes.add(new NoticeDiff.Change(category, key, "changed", altered));
                }
            });
        }
        return changes;
    }

    private static Map<String, NoticeDiff.Attribute> altered(Map<String, String> before, Map<String, String> after) {
        Map<String, NoticeDiff.Attribute> altered = new TreeMap<>();
        TreeMap<String, String> names = new TreeMap<>(before);
        names.putAll(after);
        for (String name : names.keySet()) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                altered.put(name, new NoticeDiff.Attribute(before.get(name), after.get(name)));
            }
        }
        return altered;
    }
}
