package dev.steward.cookies;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A visitor's choice that matches the banner they were shown: one answer per choosable category, in the banner's
 * order, consistent with the button pressed and with Global Privacy Control.
 */
record CheckedChoice(
        BannerView banner,
        ChoiceKind kind,
        Map<String, Boolean> categories,
        boolean gpc,
        @Nullable String token) {

    List<String> granted() {
        return categories.entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(Map.Entry::getKey)
                .toList();
    }

    List<String> refused() {
        return categories.entrySet().stream()
                .filter(entry -> !entry.getValue())
                .map(Map.Entry::getKey)
                .toList();
    }
}
