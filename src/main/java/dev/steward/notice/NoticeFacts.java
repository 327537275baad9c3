package dev.steward.notice;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything a privacy notice tells a visitor of one site in one region, resolved from the catalog into plain
 * text. The HTML page, {@code privacy.json} and every published version are produced from this one value, so they
 * cannot say different things. Prose blocks are Markdown.
 */
record NoticeFacts(
        String site,
        String siteName,
        String baseUrl,
        String region,
        String regionName,
        String regime,
        List<String> regions,
        String title,
        String version,
        LocalDate effective,
        @Nullable LocalDate lastModified,
        String significance,
        ControllerFacts controller,
        @Nullable String regionIntroduction,
        List<PurposeFacts> purposes,
        List<ActivityFacts> activities,
        List<RecipientFacts> recipients,
        List<TransferFacts> transfers,
        StorageFacts storage,
        List<RightFacts> rights,
        @Nullable ContactFacts supervisoryAuthority,
        @Nullable String automatedDecisions,
        @Nullable ChildrenFacts children,
        List<MeasureFacts> security,
        List<CookieFacts> cookies,
        @Nullable Boolean sellsPersonalData,
        @Nullable String changeNoticePeriod,
        Map<String, List<String>> texts) {

    record ControllerFacts(
            String name,
            @Nullable String shortName,
            @Nullable String address,
            @Nullable String phone,
            @Nullable String fax,
            @Nullable String email,
            @Nullable String website,
            @Nullable ContactFacts dataProtectionOfficer,
            List<RepresentativeFacts> representatives) {}

    record RepresentativeFacts(
            String region,
            String title,
            String name,
            @Nullable String shortName,
            String address,
            @Nullable String phone,
            @Nullable String fax,
            @Nullable String email) {}

    record ContactFacts(
            String name,
            @Nullable String address,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String website) {}

    record LegalBasisFacts(String key, String citation, String description) {}

    record PurposeFacts(
            String key,
            String name,
            @Nullable String description,
            List<LegalBasisFacts> legalBases,
            boolean directMarketing) {}

    record FieldFacts(String key, String label, String category, boolean voluntary) {}

    record RetentionFacts(
            String rule, String description, @Nullable String statutoryMinimum) {}

    record ConsentFacts(String text, String withdrawal) {}

    record ActivityFacts(
            String key,
            String name,
            @Nullable String description,
            List<String> purposes,
            List<LegalBasisFacts> legalBases,
            List<String> dataSubjects,
            List<FieldFacts> fields,
            List<String> recipients,
            RetentionFacts retention,
            @Nullable String retentionStatement,
            @Nullable ConsentFacts consent,
            boolean linkedToSubmittedData,
            boolean usedForMarketing) {}

    record RecipientFacts(
            String key,
            String name,
            String role,
            String country,
            String countryName,
            boolean insideEea,
            @Nullable String service,
            @Nullable String safeguard,
            boolean confidentialityAgreement) {}

    /** A row of the transfer table: which service, by whom, in which third country, on which legal ground. */
    record TransferFacts(String process, String thirdParty, String country, String legalGrounds) {}

    record StorageFacts(
            List<String> locations,
            @Nullable String hostedBy,
            @Nullable String hostCountry) {}

    record GroundFacts(String key, String text) {}

    record RightFacts(String type, String title, @Nullable String article, String text, List<GroundFacts> grounds) {}

    record ChildrenFacts(
            int minimumAge, String belowAge, @Nullable String notice) {}

    record MeasureFacts(String name, String description) {}

    record CookieFacts(
            String key,
            @Nullable String name,
            String kind,
            String provider,
            String party,
            String category,
            @Nullable String duration,
            String purpose,
            @Nullable String collects,
            @Nullable String optOutUrl,
            @Nullable String optOutLabel) {}
}
