package dev.steward.cookies;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.cookies.BannerView.CategoryView;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a choice posted by the banner and checks it strictly against the banner the visitor was shown: every field
 * known and of its type, the banner's version and wording unchanged since, one answer for each category and none
 * else, and the answers consistent with the button pressed and with Global Privacy Control. Every problem is
 * reported by field; messages never repeat what was sent.
 */
@Component
class ChoiceRequests {

    static final int MAX_BODY = 4096;
    private static final Set<String> FIELDS =
            Set.of("token", "version", "hash", "jurisdiction", "language", "choice", "categories", "gpc");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Catalogs catalogs;
    private final Banners banners;
    private final JsonMapper json;

    ChoiceRequests(Catalogs catalogs, Banners banners, JsonMapper json) {
        this.catalogs = catalogs;
        this.banners = banners;
        this.json = json;
    }

    CheckedChoice check(String site, String body, boolean gpcHeader) {
        banners.bannerOf(site);
        JsonNode root = parse(body);
        List<FieldError> errors = new ArrayList<>();
        root.propertyNames().stream()
                .filter(name -> !FIELDS.contains(name))
                .forEach(name ->
                        errors.add(FieldError.of(name, "unknown-field", "error.cookies.field.unknown-field", name)));
        String jurisdiction =
                oneOf(root, "jurisdiction", catalogs.requireSite(site).jurisdictions(), errors);
        Site declared = catalogs.requireSite(site);
        List<String> languages = declared.languages().isEmpty() ? List.of(declared.language()) : declared.languages();
        String language = oneOf(root, "language", languages, errors);
        String version = text(root, "version", errors);
        String hash = text(root, "hash", errors);
        Optional<ChoiceKind> kind = Optional.ofNullable(text(root, "choice", errors))
                .flatMap(key -> {
                    Optional<ChoiceKind> known = ChoiceKind.of(key);
                    if (known.isEmpty()) {
                        errors.add(FieldError.of("choice", "invalid-option", "error.cookies.choice.invalid-option"));
                    }
                    return known;
                });
        String token = optionalText(root, "token", errors);
        if (token != null && !TOKEN.matcher(token).matches()) {
            errors.add(FieldError.of("token", "invalid", "error.cookies.token.invalid"));
        }
        boolean gpc = gpcHeader || bool(root, "gpc", errors);
        if (!errors.isEmpty() || jurisdiction == null || language == null || kind.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        BannerView banner = banners.view(site, jurisdiction, language);
        if (!banner.version().equals(version) || !banner.wordingHash().equals(hash)) {
            throw new StaleBannerException();
        }
        Map<String, Boolean> answers = answers(root, banner, errors);
        checkConsistent(banner, kind.get(), answers, gpc, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new CheckedChoice(banner, kind.get(), answers, gpc, token);
    }

    private JsonNode parse(String body) {
        if (body.length() > MAX_BODY) {
            throw new InvalidInputException(
                    FieldError.of("body", "too-large", "error.cookies.body.too-large", MAX_BODY));
        }
        try {
            JsonNode root = json.readTree(body);
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (JacksonException e) {
            // answered below, without the parser's words: they could quote what was sent
        }
        throw new InvalidInputException(FieldError.of("body", "malformed-json", "error.cookies.body.malformed-json"));
    }

    private static @Nullable String text(JsonNode root, String field, List<FieldError> errors) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            errors.add(FieldError.of(field, "required", "error.cookies.field.required", field));
            return null;
        }
        if (!value.isString() || value.asString().length() > 200) {
            errors.add(FieldError.of(field, "invalid", "error.cookies.field.invalid", field));
            return null;
        }
        return value.asString();
    }

    private static @Nullable String optionalText(JsonNode root, String field, List<FieldError> errors) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? null : text(root, field, errors);
    }

    private static boolean bool(JsonNode root, String field, List<FieldError> errors) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            errors.add(FieldError.of(field, "invalid", "error.common.field.invalid-type", field));
            return false;
        }
        return value.asBoolean();
    }

    private static @Nullable String oneOf(JsonNode root, String field, List<String> allowed, List<FieldError> errors) {
        String value = text(root, field, errors);
        if (value != null && !allowed.contains(value)) {
            errors.add(FieldError.of(field, "invalid-option", "error.cookies.field.invalid-option", allowed));
            return null;
        }
        return value;
    }

    /** One true or false for every category the visitor chooses about, in the banner's order. */
    private static Map<String, Boolean> answers(JsonNode root, BannerView banner, List<FieldError> errors) {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        JsonNode categories = root.get("categories");
        if (categories == null || !categories.isObject()) {
            errors.add(FieldError.of("categories", "required", "error.cookies.categories.required"));
            return answers;
        }
        List<String> keys = banner.choosable().stream().map(CategoryView::key).toList();
        categories.propertyNames().stream()
                .filter(name -> !keys.contains(name))
                .forEach(name -> errors.add(FieldError.of(
                        "categories." + name, "unknown-category", "error.cookies.field.unknown-category")));
        for (String key : keys) {
            JsonNode answer = categories.get(key);
            if (answer == null || !answer.isBoolean()) {
                errors.add(FieldError.of("categories." + key, "required", "error.cookies.field.required.2"));
            } else {
                answers.put(key, answer.asBoolean());
            }
        }
        return answers;
    }

    private static void checkConsistent(
            BannerView banner, ChoiceKind kind, Map<String, Boolean> answers, boolean gpc, List<FieldError> errors) {
        if (kind == ChoiceKind.DO_NOT_SELL && !banner.doNotSell()) {
            errors.add(FieldError.of("choice", "not-offered", "error.cookies.choice.not-offered"));
        }
        for (CategoryView category : banner.choosable()) {
            Boolean answer = answers.get(category.key());
            if (answer == null) {
                continue;
            }
            String field = "categories." + category.key();
            boolean blockedByGpc = gpc && category.soldOrShared();
            if (answer && blockedByGpc) {
                errors.add(FieldError.of(field, "gpc-conflict", "error.cookies.field.gpc-conflict"));
            } else if (!answer.equals(expected(kind, category, answer, blockedByGpc))) {
                errors.add(FieldError.of(field, "inconsistent", "error.cookies.field.inconsistent", kind.key()));
            }
        }
    }

    private static boolean expected(ChoiceKind kind, CategoryView category, boolean answer, boolean blockedByGpc) {
        return switch (kind) {
            case ACCEPT_ALL -> !blockedByGpc;
            case REJECT_ALL -> false;
            case DO_NOT_SELL -> !category.soldOrShared() && answer;
            case CUSTOM -> answer;
        };
    }
}
