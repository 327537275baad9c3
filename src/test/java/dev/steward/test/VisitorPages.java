package dev.steward.test;

import java.util.List;

/**
 * A visit through the demo's visitor pages, one of each kind: home, privacy center index and right pages, a form, the
 * notices and their history and diff, the cookie policies, an account page, a request's status page and a consent
 * receipt (the last two made for the visit). Browser tests walk it to check what must hold on every page.
 */
public final class VisitorPages {

    private VisitorPages() {}

    public static List<String> sample(int port) {
        SeedForms.Filled form = SeedForms.olympusContact();
        String receipt = Json.read(
                        new Http(port).postJson(form.apiPath(), form.json()).body())
                .get("receipts")
                .get(0)
                .asString();
        String status = Json.read(new Visitor(port)
                        .postJson(
                                "/api/v1/sites/lab/requests",
                                "{\"type\":\"access\",\"email\":\"" + Canary.email("visitor-pages")
                                        + "\",\"region\":\"EU\"}")
                        .body())
                .get("statusUrl")
                .asString();
        return List.of(
                "/s/olympus-ims/",
                "/s/olympus-ims/privacy-center/rights?region=EU",
                "/s/olympus-ims/privacy-center/rights/rectification?region=EU",
                "/s/olympus-ims/privacy-center/rights/erasure?region=EU",
                "/s/omron-healthcare/privacy-center/rights/disclosure?region=JP",
                status,
                form.path() + "?region=EU",
                "/s/omron-healthcare/forms/account",
                "/s/olympus-ims/privacy?region=EU",
                "/s/omron-healthcare/privacy",
                "/s/olympus-ims/privacy/history",
                "/s/olympus-ims/privacy/diff?from=2017-06-06&to=2018-04-03",
                "/s/olympus-ims/cookies",
                "/s/omron-healthcare/cookies",
                "/s/omron-healthcare/account/login",
                receipt);
    }
}
