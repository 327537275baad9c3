package dev.steward.staff;

import static dev.steward.staff.StaffRole.ADMIN;
import static dev.steward.staff.StaffRole.AUDITOR;
import static dev.steward.staff.StaffRole.PRIVACY_OFFICER;
import static dev.steward.staff.StaffRole.SUPPORT_AGENT;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The permission matrix: every action of the console and of the authenticated APIs, who may take it, and how far a
 * member limited to some sites reaches with it. Handlers name their action with {@link Requires}; nothing else
 * grants or refuses. A state-changing action is never granted to a read-only role: the matrix refuses to load if
 * it were.
 */
public enum Permission {
    VIEW_CONSOLE(
            "Sign in to the console and see its front page",
            Reach.SHARED,
            Change.READS,
            staff(ADMIN, PRIVACY_OFFICER, SUPPORT_AGENT, AUDITOR)),
    CHANGE_OWN_PASSWORD(
            "Change one's own password, giving the current one (every session of the member ends)",
            Reach.SHARED,
            Change.OWN_SIGN_IN,
            staff(ADMIN, PRIVACY_OFFICER, SUPPORT_AGENT, AUDITOR)),
    READ_INQUIRIES(
            "List inquiries; read a case (decrypted, audited)",
            Reach.SITE,
            Change.READS,
            staff(ADMIN, PRIVACY_OFFICER, SUPPORT_AGENT)),
    ANSWER_INQUIRIES(
            "Reply to, assign and close a case",
            Reach.SITE,
            Change.WRITES,
            staff(ADMIN, PRIVACY_OFFICER, SUPPORT_AGENT)),
    READ_MAILBOX(
            "Read the outbox or the dev mailbox (decrypted, audited)",
            Reach.SITE,
            Change.READS,
            staff(ADMIN, PRIVACY_OFFICER, SUPPORT_AGENT)),
    LIST_REQUESTS(
            "List rights requests with their deadlines (API; no personal data)",
            Reach.SITE,
            Change.READS,
            staff(ADMIN, PRIVACY_OFFICER, AUDITOR)),
    READ_REQUESTS(
            "Open a rights request, the restrictions in force and recipients' tasks (audited)",
            Reach.SITE,
            Change.READS,
            staff(ADMIN, PRIVACY_OFFICER)),
    WORK_REQUESTS(
            "Assign, extend, charge a fee, fulfil or deny a request; lift a restriction; confirm a recipient's task",
            Reach.SITE,
            Change.WRITES,
            staff(ADMIN, PRIVACY_OFFICER)),
    READ_CONSENTS(
            "Read a subject's consent history (audited), whom to ask again and how a notice change was told",
            Reach.SITE,
            Change.READS,
            staff(ADMIN, PRIVACY_OFFICER, AUDITOR)),
    READ_CONSENT_EVIDENCE(
            "See in a consent history the IP address and browser a consent was given or confirmed from (decrypted)",
            Reach.SITE,
            Change.READS,
            staff(ADMIN, PRIVACY_OFFICER)),
    RECORD_CONSENT_ON_BEHALF(
            "Record a consent given, withdrawn or objected to on a person's behalf, with a reason (console)",
            Reach.SITE,
            Change.WRITES,
            staff(ADMIN, PRIVACY_OFFICER)),
    READ_DISCLOSURES(
            "Read whom a subject's data was disclosed to (audited)",
            Reach.SITE,
            Change.READS,
            staff(ADMIN, PRIVACY_OFFICER, AUDITOR)),
    READ_AUDIT_TRAIL("Read the audit trail", Reach.SITE, Change.READS, staff(ADMIN, PRIVACY_OFFICER, AUDITOR)),
    VERIFY_EVIDENCE("Verify the evidence chains", Reach.SHARED, Change.READS, staff(ADMIN, PRIVACY_OFFICER, AUDITOR)),
    SIGN_CHECKPOINTS("Sign the evidence chains' heads now", Reach.SHARED, Change.WRITES, staff(ADMIN, PRIVACY_OFFICER)),
    READ_RECORDS_OF_PROCESSING(
            "Read the records of processing (Art. 30)",
            Reach.SITE,
            Change.READS,
            staff(ADMIN, PRIVACY_OFFICER, SUPPORT_AGENT, AUDITOR)),
    READ_RETENTION(
            "See the retention plan and the deletion certificates (counts only)",
            Reach.SITE,
            Change.READS,
            staff(ADMIN, PRIVACY_OFFICER, SUPPORT_AGENT, AUDITOR)),
    RUN_SWEEP(
            "Run a retention sweep now (it erases only what is due anyway)",
            Reach.SHARED,
            Change.WRITES,
            staff(ADMIN, PRIVACY_OFFICER)),
    END_PURPOSE("Declare the purpose of an activity ended", Reach.SITE, Change.WRITES, staff(ADMIN, PRIVACY_OFFICER)),
    READ_HOLDS(
            "See legal holds, and what keeps a subject's records (audited)",
            Reach.SITE,
            Change.READS,
            staff(ADMIN, PRIVACY_OFFICER, AUDITOR)),
    MANAGE_HOLDS("Place and release legal holds", Reach.SITE, Change.WRITES, staff(ADMIN, PRIVACY_OFFICER)),
    READ_IDENTITY_REVIEWS(
            "See people joined only through an identifier nobody proved",
            Reach.SITE,
            Change.READS,
            staff(ADMIN, PRIVACY_OFFICER)),
    RESOLVE_IDENTITY_REVIEWS(
            "Split such people by e-mail address, or confirm them as one person with a reason",
            Reach.SITE,
            Change.WRITES,
            staff(ADMIN, PRIVACY_OFFICER)),
    FIND_PEOPLE(
            "Find a person by e-mail address, user name or phone number and see on one page what Steward holds about"
                    + " them: identifiers and records (decrypted), consents, disclosures, requests, mails, holds"
                    + " (audited)",
            Reach.SITE,
            Change.READS,
            staff(ADMIN, PRIVACY_OFFICER)),
    READ_COOKIE_CHOICES(
            "See how visitors answered the cookie banner (counts only)",
            Reach.SITE,
            Change.READS,
            staff(ADMIN, PRIVACY_OFFICER, AUDITOR)),
    READ_COOKIE_SCANS(
            "See cookie scans, their reports and schedules",
            Reach.SITE,
            Change.READS,
            staff(ADMIN, PRIVACY_OFFICER, AUDITOR)),
    RUN_COOKIE_SCANS(
            "Start a cookie scan of a site and set its schedule",
            Reach.SITE,
            Change.WRITES,
            staff(ADMIN, PRIVACY_OFFICER)),
    READ_CAMPAIGNS(
            "See the newsletter lists, the campaigns and their figures (counts only)",
            Reach.SITE,
            Change.READS,
            staff(ADMIN, PRIVACY_OFFICER, AUDITOR)),
    SEND_CAMPAIGNS(
            "Compose, preview and test a campaign; send, schedule, pause, resume or cancel it",
            Reach.SITE,
            Change.WRITES,
            staff(ADMIN, PRIVACY_OFFICER)),
    READ_STATISTICS(
            "Export the request log's aggregate statistics",
            Reach.SITE,
            Change.READS,
            staff(ADMIN, PRIVACY_OFFICER, SUPPORT_AGENT, AUDITOR)),
    MANAGE_API_KEYS("Create, list and revoke API keys", Reach.SITE, Change.WRITES, staff(ADMIN)),
    MANAGE_STAFF(
            "Add members of staff, change their roles, sites and passwords, disable them",
            Reach.EVERY_SITE,
            Change.WRITES,
            staff(ADMIN)),
    DECIDE_CONSENT(
            "Ask whether a person's data may be used for a purpose (`GET /api/v1/consent-decisions`)",
            Reach.SITE,
            Change.READS,
            keys(Caller.Kind.INTEGRATOR)),
    RECORD_CONSENT(
            "Record a consent the integrator collected (`POST /api/v1/consent-events`)",
            Reach.SITE,
            Change.WRITES,
            keys(Caller.Kind.INTEGRATOR)),
    SCRAPE_METRICS(
            "Scrape `/actuator/prometheus`",
            Reach.EVERY_SITE,
            Change.READS,
            new Grants(EnumSet.of(ADMIN), EnumSet.of(Caller.Kind.METRICS))),
    READ_HEALTH_DETAILS(
            "See the components and details of `/actuator/health` and the build in `/actuator/info`",
            Reach.EVERY_SITE,
            Change.READS,
            new Grants(EnumSet.of(ADMIN), EnumSet.of(Caller.Kind.METRICS)));

    /** How far a caller limited to some sites reaches with a permission. */
    public enum Reach {
        /** Acts on one site's data: a member limited to sites acts on those only, and another site's is not found. */
        SITE("their sites only"),
        /** Concerns no one site's data, so it is the same for a member limited to sites. */
        SHARED("as anyone: not tied to a site"),
        /** Reaches every site at once: only members of every site may. */
        EVERY_SITE("no: it reaches every site");

        private final String text;

        Reach(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Whether the action changes anything; read-only roles never get one that does, but for their own sign-in. */
    public enum Change {
        READS,
        WRITES,
        /** Changes only the caller's own way of signing in, which a read-only member must be able to keep safe. */
        OWN_SIGN_IN
    }

    /** The staff roles and the kinds of API key a permission is granted to; staff API keys act with their roles. */
    record Grants(Set<StaffRole> roles, Set<Caller.Kind> keys) {}

    private final String action;
    private final Reach reach;
    private final Change change;
    private final Set<StaffRole> roles;
    private final Set<Caller.Kind> keys;

    Permission(String action, Reach reach, Change change, Grants grants) {
        this.action = action;
        this.reach = reach;
        this.change = change;
        this.roles = Collections.unmodifiableSet(grants.roles());
        this.keys = Collections.unmodifiableSet(grants.keys());
        if (change == Change.WRITES && roles.stream().anyMatch(StaffRole::readOnly)) {
            throw new IllegalStateException(name() + " changes state and cannot be granted to a read-only role");
        }
    }

    /** Whether the caller may take this action at all; for {@link Reach#SITE}, on the sites they may see. */
    public boolean grants(Caller caller) {
        boolean holder = switch (caller.kind()) {
            case STAFF -> caller.roles().stream().anyMatch(roles::contains);
            case INTEGRATOR, METRICS -> keys.contains(caller.kind());
            case ANONYMOUS -> false;
        };
        return holder && reaches(caller.sites());
    }

    /** Whether a member of staff with these roles and sites holds this permission. */
    public boolean grants(Set<StaffRole> memberRoles, Set<String> sites) {
        return memberRoles.stream().anyMatch(roles::contains) && reaches(sites);
    }

    /**
     * Whether members with {@code holder}'s roles may do everything that {@code wanted} lets do: what a key's roles
     * are measured by, not their names, so that an administrator may make a key that only reads.
     */
    static boolean covers(Set<StaffRole> holder, Set<StaffRole> wanted) {
        return Arrays.stream(values())
                .filter(permission -> wanted.stream().anyMatch(permission.roles::contains))
                .allMatch(permission -> holder.stream().anyMatch(permission.roles::contains));
    }

    private boolean reaches(Set<String> sites) {
        return reach != Reach.EVERY_SITE || sites.isEmpty();
    }

    public String action() {
        return action;
    }

    public Reach reach() {
        return reach;
    }

    public boolean changesState() {
        return change != Change.READS;
    }

    /** Whether it changes nothing but the caller's own sign-in, which read-only members may do. */
    public boolean changesOnlyOwnSignIn() {
        return change == Change.OWN_SIGN_IN;
    }

    public Set<StaffRole> roles() {
        return roles;
    }

    public Set<Caller.Kind> keys() {
        return keys;
    }

    private static Grants staff(StaffRole... roles) {
        return new Grants(EnumSet.copyOf(Arrays.asList(roles)), EnumSet.noneOf(Caller.Kind.class));
    }

    private static Grants keys(Caller.Kind kind) {
        return new Grants(EnumSet.noneOf(StaffRole.class), EnumSet.of(kind));
    }
}
