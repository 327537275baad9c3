package dev.steward.newsletter;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * The images of a campaign's body. An image on a web server is fetched when the person opens the mail, which tells
 * that server who opened it and when: tracking that bypasses consent, and that operational mail must never carry. So a
 * body with one is refused when it is saved or sent, and a body that still has one (saved before that rule) is sent
 * with the image's alternative text in its place: opening a campaign's mail fetches nothing. A picture attached to the
 * campaign ({@code ![alt](cid:name)}) travels inside the message instead, and shows without any fetch.
 */
final class BodyImages {

    private static final Set<String> WEB = Set.of("http", "https");
    private static final String CID = "cid";

    /** An image on a web server, and the body's line it is on (from 1; 0 when unknown). */
    record Remote(String host, int line) {}

    private BodyImages() {}

    /** Every image of the body (parsed with source spans) that a mail reader would fetch from the web. */
    static List<Remote> remote(Node document) {
        List<Remote> remote = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                String destination = image.getDestination();
                if (WEB.contains(scheme(destination))) {
                    remote.add(new Remote(host(destination), line(image)));
                }
            }
        });
        return remote;
    }

    /** A {@code cid:} image of the body: the attached picture it names, and its line (from 1; 0 when unknown). */
    record Attached(String name, int line) {}

    /** Every image of the body (parsed with source spans) that names an attached picture ({@code cid:name}). */
    static List<Attached> attached(Node document) {
        List<Attached> attached = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                String destination = image.getDestination();
                if (CID.equals(scheme(destination))) {
                    attached.add(new Attached(name(destination), line(image)));
                }
            }
        });
        return attached;
    }

    /**
     * Points each image of an attached picture at its part ({@code cid:name} becomes {@code cid:} and the part's
     * Content-ID), and puts the alternative text where any other image was: one on the web, or one naming a picture
     * the campaign does not have.
     */
    static void keepOnlyAttached(Node document, Set<String> names, UnaryOperator<String> contentId) {
        List<Image> outside = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                String destination = image.getDestination();
                if (CID.equals(scheme(destination)) && names.contains(name(destination))) {
                    image.setDestination("cid:" + contentId.apply(name(destination)));
                } else {
                    outside.add(image);
                }
            }
        });
        replaceByText(outside);
    }

    /** Puts each image's alternative text where it was: what a message's text part shows of a picture. */
    static void altTextOnly(Node document) {
        List<Image> images = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                images.add(image);
            }
        });
        replaceByText(images);
    }

    private static void replaceByText(List<Image> images) {
        for (Image image : images) {
            Node child = image.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                image.insertBefore(child);
                child = next;
            }
            image.unlink();
        }
    }

    /** The picture's name in a {@code cid:} address. */
    static String name(String destination) {
        return destination.strip().substring(CID.length() + 1);
    }

    /** The link's scheme in lower case; empty for a relative or malformed link. */
    static String scheme(String destination) {
        try {
            String scheme = URI.create(destination.strip()).getScheme();
            return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String host(String destination) {
        try {
            URI uri = URI.create(destination.strip());
            if (uri.getHost() != null) {
                return uri.getHost();
            }
            if (uri.getRawAuthority() != null) {
                return uri.getRawAuthority();
            }
        } catch (IllegalArgumentException e) {
            // named by its start below
        }
        String start = destination.strip();
        return start.length() > 60 ? start.substring(0, 60) + "…" : start;
    }

    /** The line of the image, or of the nearest enclosing block that knows its place. */
    private static int line(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            List<SourceSpan> spans = at.getSourceSpans();
            if (!spans.isEmpty()) {
                return spans.get(0).getLineIndex() + 1;
            }
        }
        return 0;
    }
}
