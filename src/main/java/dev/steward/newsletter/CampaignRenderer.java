package dev.steward.newsletter;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Controller;
import dev.steward.catalog.Site;
import dev.steward.catalog.SiteMail;
import dev.steward.mail.InlineImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;
import org.springframework.stereotype.Component;

/**
 * Turns a campaign's Markdown into its messages' text and HTML inside the site's templates. Raw HTML in the Markdown is
 * shown as text and unsafe link schemes are dropped, so a body cannot carry script. For tracked messages every web
 * link becomes a redirect through Steward that names the link's position and the person's pseudonym.
 */
@Component
class CampaignRenderer {

    private static final Set<String> WEB = Set.of("http", "https");
    private static final Pattern ASCII_DOMAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");
    private static final Set<String> ALLOWED = Set.of("http", "https", "mailto");

    private final Catalogs catalogs;
    private final CampaignLists lists;
    private final CampaignTemplates templates;
    private final CampaignUrls urls;
    // source spans name the line of a refused image
    private final Parser parser = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    // cid: is kept for an attached picture's image; a link to cid: is refused when the body is saved
    private final HtmlRenderer html = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto", "cid")))
            .build();
    private final TextContentRenderer text = TextContentRenderer.builder()
            .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS)
            .build();

    private final CampaignImageRepository images;

    CampaignRenderer(
            Catalogs catalogs,
            CampaignLists lists,
            CampaignTemplates templates,
            CampaignUrls urls,
            CampaignImageRepository images) {
        this.images = images;
        this.catalogs = catalogs;
        this.lists = lists;
        this.templates = templates;
        this.urls = urls;
    }

    /** The body's web links in order of first appearance: the only places a click redirect may lead to. */
    List<String> links(String markdown) {
        Set<String> links = new LinkedHashSet<>();
        visitLinks(parser.parse(markdown), destination -> {
            if (WEB.contains(scheme(destination))) {
                links.add(destination);
            }
            return destination;
        });
        return List.copyOf(links);
    }

    /** Links and images that point anywhere but the web or a mail address (javascript:, data:, file:). */
    List<String> unsafeLinks(String markdown) {
        List<String> unsafe = new ArrayList<>();
        parser.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                check(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                // an attached picture's address; whether the campaign has it is checked on its own
                if (!"cid".equals(scheme(image.getDestination()))) {
                    check(image.getDestination());
                }
            }

            private void check(String destination) {
                if (!ALLOWED.contains(scheme(destination))) {
                    unsafe.add(destination);
                }
            }
        });
        return unsafe;
    }

    /** The body's images that a mail reader would fetch from the web when the mail is opened. */
    List<BodyImages.Remote> remoteImages(String markdown) {
        return BodyImages.remote(parser.parse(markdown));
    }

    /** The body's images of attached pictures ({@code cid:name}), with their lines. */
    List<BodyImages.Attached> attachedImages(String markdown) {
        return BodyImages.attached(parser.parse(markdown));
    }

    /**
     * A picture's Content-ID: its name at the sender's domain, which a {@code cid:} address names whole; at the
     * campaign's id when the domain is not plain ASCII (an internationalized one), which a Content-ID cannot carry.
     */
    static String contentId(String name, String senderDomain, UUID campaign) {
        return name + "@" + (ASCII_DOMAIN.matcher(senderDomain).matches() ? senderDomain : campaign.toString());
    }

    RenderedCampaign render(Campaign campaign) {
        Catalog catalog = catalogs.of(campaign.site());
        Site site = catalog.site(campaign.site()).orElseThrow();
        SiteMail mail = site.mail();
        if (mail == null) {
            throw new IllegalStateException("Site '" + site.key() + "' declares no mail section");
        }
        MailingList list = lists.find(campaign.site(), campaign.purpose())
                .orElseThrow(() -> new IllegalStateException(
                        "Site '" + site.key() + "' has no list '" + campaign.purpose() + "' any more"));
        String tokenMarker = marker(UnsubscribeTokens.LENGTH);
        String pseudonymMarker = marker(Tracking.PSEUDONYM_LENGTH);
        Map<String, Object> common = common(campaign, catalog, site, list, tokenMarker);
        // a campaign has one body, written in the site's language: its footer speaks that language too
        Locale language = Locale.forLanguageTag(site.language());
        List<CampaignImage.Stored> attached = images.all(campaign.id());
        Set<String> names = new HashSet<>();
        List<InlineImage> parts = new ArrayList<>();
        for (CampaignImage.Stored stored : attached) {
            String name = stored.image().name();
            names.add(name);
            parts.add(new InlineImage(
                    contentId(name, mail.from().domain(), campaign.id()),
                    name,
                    stored.image().mediaType(),
                    stored.bytes()));
        }
        UnaryOperator<String> contentIds = name -> contentId(name, mail.from().domain(), campaign.id());
        Node plainBody = parser.parse(campaign.body());
        BodyImages.keepOnlyAttached(plainBody, names, contentIds);
        boolean trackable =
                campaign.marketing() && !lists.trackingPurposes(site.key()).isEmpty();
        RenderedCampaign.Bodies tracked = null;
        if (trackable) {
            Node trackedBody = parser.parse(campaign.body());
            BodyImages.keepOnlyAttached(trackedBody, names, contentIds);
            visitLinks(trackedBody, destination -> {
                int position = campaign.links().indexOf(destination);
                return position < 0 ? destination : urls.click(site.key(), campaign.id(), position, pseudonymMarker);
            });
            Map<String, Object> variables = with(common, html.render(trackedBody), true);
            variables.put("pixelUrl", urls.pixel(site.key(), campaign.id(), pseudonymMarker));
            String trackedHtml = templates.html(site.key(), language, variables);
            tracked = new RenderedCampaign.Bodies(
                    templates.text(site.key(), language, with(common, textOf(trackedBody), true)), trackedHtml);
        }
        String plainHtml = templates.html(site.key(), language, with(common, html.render(plainBody), false));
        return new RenderedCampaign(
                new RenderedCampaign.Presentation(
                        mail.from(),
                        mail.replyTo(),
                        campaign.subjectLine(),
                        campaign.marketing(),
                        RenderedCampaign.listId(
                                list.name(),
                                list.purpose() + "." + site.key() + "."
                                        + mail.from().domain()),
                        urls.unsubscribe(site.key(), ""),
                        mail.unsubscribeMailbox()),
                tokenMarker,
                pseudonymMarker,
                new RenderedCampaign.Bodies(
                        templates.text(site.key(), language, with(common, textOf(plainBody), false)), plainHtml),
                tracked,
                parts);
    }

    /** The text part's body: a picture is its alternative text there (the HTML is rendered from the tree first). */
    private String textOf(Node body) {
        BodyImages.altTextOnly(body);
        return text.render(body);
    }

    private Map<String, Object> common(
            Campaign campaign, Catalog catalog, Site site, MailingList list, String tokenMarker) {
        Controller controller = catalog.controllerOf(site);
        String postal = catalog.postalAddressOf(site).orElse("");
        Map<String, Object> variables = new HashMap<>();
        variables.put("language", site.language());
        variables.put("siteName", site.name().in(site.language()));
        variables.put("subjectLine", campaign.subjectLine());
        variables.put("marketing", campaign.marketing());
        variables.put("listName", list.name());
        variables.put(
                "concerns",
                String.join(
                        ", ",
                        list.activities().stream()
                                .map(key -> catalog.activity(key)
                                        .map(activity -> activity.name().in(site.language()))
                                        .orElse(key))
                                .toList()));
        variables.put("controllerName", controller.legalName());
        variables.put("postalAddress", postal);
        variables.put("postalLines", postal.lines().toList());
        variables.put("privacyUrl", urls.privacy(site.key()));
        variables.put("unsubscribeUrl", urls.unsubscribe(site.key(), tokenMarker));
        variables.put("pixelUrl", null);
        return variables;
    }

    private static Map<String, Object> with(Map<String, Object> common, String body, boolean tracked) {
        Map<String, Object> variables = new HashMap<>(common);
        variables.put("body", body);
        variables.put("tracked", tracked);
        return variables;
    }

    /** Calls the function on every link's destination and sets what it answers. */
    private static void visitLinks(Node document, UnaryOperator<String> change) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                link.setDestination(change.apply(link.getDestination()));
                visitChildren(link);
            }
        });
    }

    private static String scheme(String destination) {
        return BodyImages.scheme(destination);
    }

    /**
     * A random word that no campaign text contains, marking where each message's own values go; as long as the value
     * it stands for, so that encoding the message once serves for every value.
     */
    private static String marker(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return ("stw" + HexFormat.of().formatHex(bytes)).substring(0, length);
    }
}
