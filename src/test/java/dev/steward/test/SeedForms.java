package dev.steward.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The six forms of the seed notices, filled in correctly with canary values, to submit as JSON or as an HTML form
 * and to vary one value at a time for the bad paths.
 */
public final class SeedForms {

    public static final String OLYMPUS = "olympus-ims";
    public static final String OMRON = "omron-healthcare";
    public static final String PASSWORD = "canarytoken-secret-1";

    private SeedForms() {}

    /** A filled-in form: its fields by catalog key, the purposes ticked, the age stated and the region chosen. */
    public record Filled(
            String site,
            String form,
            Map<String, String> fields,
            List<String> consents,
            @Nullable String age,
            @Nullable String region,
            @Nullable String parentEmail) {

        public String email() {
            return fields.get("email");
        }

        public Filled with(String field, @Nullable String value) {
            Map<String, String> changed = new LinkedHashMap<>(fields);
            if (value == null) {
                changed.remove(field);
            } else {
                changed.put(field, value);
            }
            return new Filled(site, form, changed, consents, age, region, parentEmail);
        }

        public Filled ticking(String... purposes) {
            return new Filled(site, form, fields, List.of(purposes), age, region, parentEmail);
        }

        public Filled age(@Nullable String years) {
            return new Filled(site, form, fields, consents, years, region, parentEmail);
        }

        public Filled region(@Nullable String chosen) {
            return new Filled(site, form, fields, consents, age, chosen, parentEmail);
        }

        public Filled parent(@Nullable String address) {
            return new Filled(site, form, fields, consents, age, region, address);
        }

        public String path() {
            return "/s/" + site + "/forms/" + form;
        }

        public String apiPath() {
            return "/api/v1/sites/" + site + "/forms/" + form + "/submissions";
        }

        public String json() {
            StringBuilder json = new StringBuilder("{\"fields\":{");
            json.append(fields.entrySet().stream()
                    .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
                    .collect(Collectors.joining(",")));
            json.append("},\"consents\":[")
                    .append(consents.stream().map(SeedForms::quote).collect(Collectors.joining(",")))
                    .append("]");
            if (age != null) {
                json.append(",\"age\":").append(age.matches("[0-9]+") ? age : quote(age));
            }
            if (region != null) {
                json.append(",\"region\":").append(quote(region));
            }
            if (parentEmail != null) {
                json.append(",\"parentEmail\":").append(quote(parentEmail));
            }
            return json.append("}").toString();
        }

        /** The HTML form's fields (with the CSRF token to add), ticked boxes repeating the name "consents". */
        public List<Map.Entry<String, String>> formFields(String csrf) {
            List<Map.Entry<String, String>> pairs = new ArrayList<>();
            pairs.add(Map.entry("_csrf", csrf));
            fields.forEach((key, value) -> pairs.add(Map.entry("fields." + key, value)));
            consents.forEach(purpose -> pairs.add(Map.entry("consents", purpose)));
            if (age != null) {
                pairs.add(Map.entry("age", age));
            }
            if (parentEmail != null) {
                pairs.add(Map.entry("parentEmail", parentEmail));
            }
            pairs.add(Map.entry("website", ""));
            return pairs;
        }
    }

    /** A phone number no other test uses, so that a test that shares one does so on purpose. */
    public static String phone() {
        return "+49 30 "
                + (1_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(8_999_999));
    }

    public static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Filled olympusContact() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("location", "DE");
        fields.put("companyName", Canary.name("Works"));
        fields.put("firstName", Canary.name("Ada"));
        fields.put("lastName", Canary.name("Lovelace"));
        fields.put("email", Canary.email(unique("ada")));
        fields.put("phone", phone());
        fields.put("city", Canary.name("Hamburg"));
        fields.put("zip", "canarytoken-1");
        fields.put("message", "A question from " + Canary.name("Ada"));
        return new Filled(
                OLYMPUS, "contact", fields, List.of("respond-to-inquiries", "hosting-transfer"), "30", "EU", null);
    }

    public static Filled olympusSoftwareDownload() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("location", "FR");
        fields.put("companyName", Canary.name("Labs"));
        fields.put("firstName", Canary.name("Grace"));
        fields.put("lastName", Canary.name("Hopper"));
        fields.put("email", Canary.email(unique("grace")));
        fields.put("phone", phone());
        fields.put("zip", "canarytoken-2");
        fields.put("username", unique("canarytoken"));
        fields.put("password", PASSWORD);
        return new Filled(
                OLYMPUS,
                "software-download",
                fields,
                List.of("software-download", "hosting-transfer"),
                "41",
                "EU",
                null);
    }

    public static Filled olympusNewsletter() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("location", "NL");
        fields.put("companyName", Canary.name("Instruments"));
        fields.put("firstName", Canary.name("Mary"));
        fields.put("lastName", Canary.name("Somerville"));
        fields.put("email", Canary.email(unique("mary")));
        return new Filled(
                OLYMPUS,
                "newsletter",
                fields,
                List.of("newsletter", "group-promotions", "hosting-transfer"),
                "52",
                "EU",
                null);
    }

    public static Filled omronCustomerService() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", Canary.name("Omar"));
        fields.put("email", Canary.email(unique("omar")));
        fields.put("phone", phone());
        fields.put("question", "Which cuff fits? asks " + Canary.name("Omar"));
        return new Filled(OMRON, "customer-service", fields, List.of(), "35", "US", null);
    }

    public static Filled omronContest() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", Canary.name("Carla"));
        fields.put("email", Canary.email(unique("carla")));
        fields.put("mailingAddress", "1 Canarytoken Road, Springfield");
        fields.put("answer", "My entry, " + Canary.name("Carla"));
        return new Filled(OMRON, "contest", fields, List.of("surveys-and-contests"), "44", "US", null);
    }

    public static Filled omronAccount() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", Canary.name("Olga"));
        fields.put("email", Canary.email(unique("olga")));
        fields.put("password", PASSWORD);
        return new Filled(OMRON, "account", fields, List.of(), "29", "US", null);
    }

    public static List<Filled> all() {
        return List.of(
                olympusContact(),
                olympusSoftwareDownload(),
                olympusNewsletter(),
                omronCustomerService(),
                omronContest(),
                omronAccount());
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
