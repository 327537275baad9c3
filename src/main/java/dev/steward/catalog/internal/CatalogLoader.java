package dev.steward.catalog.internal;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.CatalogContent;
import dev.steward.catalog.CatalogProblem;
import dev.steward.catalog.InvalidCatalogException;
import dev.steward.catalog.Site;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a catalog from a YAML file or a folder of YAML files, on disk or on the classpath
 * ({@code classpath:examples/olympus-2018}), binds and validates it, and reports every problem with its
 * {@code file:line:column}.
 */
public final class CatalogLoader {

    private static final String CLASSPATH = "classpath:";

    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    public Catalog load(String location) {
        List<CatalogProblem> problems = new ArrayList<>();
        SourceMap sources = new SourceMap();
        List<CatalogContent> parts = new ArrayList<>();
        List<SourceFile> files = files(location, problems);
        for (SourceFile file : files) {
            CatalogContent part = parse(file, sources, problems);
            if (part != null) {
                parts.add(part);
            }
        }
        CatalogContent content = CatalogContent.concat(parts);
        Map<String, List<Catalog>> earlier = earlierEditions(location, content, sources, problems);
        Catalog catalog = new Catalog(location, content, earlier);
        // Checks of meaning run even after problems of form, so that one run lists every problem; not when a file
        // could not be read at all, since every reference into it would then be reported as broken.
        if (!files.isEmpty() && parts.size() == files.size()) {
            new CatalogValidator(catalog, sources, problems).validate();
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems.stream().sorted().toList());
        }
        return catalog;
    }

    private @Nullable CatalogContent parse(SourceFile file, SourceMap sources, List<CatalogProblem> problems) {
        Optional<Node> root;
        try (Reader reader = new InputStreamReader(file.open(), StandardCharsets.UTF_8)) {
            root = BoundedYaml.compose(file.name(), reader);
        } catch (InvalidCatalogException e) {
            problems.addAll(e.problems());
            return null;
        } catch (IOException e) {
            problems.add(new CatalogProblem(file.name(), 1, 1, "cannot be read: " + e.getMessage()));
            return null;
        }
        if (root.isEmpty()) {
            return CatalogContent.concat(List.of());
        }
        return new YamlBinder(file.name(), sources, problems).bindRecord(root.get(), CatalogContent.class);
    }

    private Map<String, List<Catalog>> earlierEditions(
            String location, CatalogContent content, SourceMap sources, List<CatalogProblem> problems) {
        Map<String, List<Catalog>> editions = new LinkedHashMap<>();
        for (Site site : content.sites()) {
            List<Catalog> catalogs = new ArrayList<>();
            for (int i = 0; i < site.earlierEditions().size(); i++) {
                String edition = relativeTo(location, site.earlierEditions().get(i));
                try {
                    catalogs.add(load(edition));
                } catch (InvalidCatalogException e) {
                    Location at = sources.at(site, "earlierEditions[" + i + "]");
                    int count = e.problems().size();
                    problems.add(new CatalogProblem(
                            at.file(),
                            at.line(),
                            at.column(),
                            "earlier edition '" + site.earlierEditions().get(i) + "' is not a valid catalog: " + count
                                    + (count == 1 ? " problem" : " problems") + " in its own files"));
                    problems.addAll(e.problems());
                }
            }
            editions.put(site.key(), List.copyOf(catalogs));
        }
        return editions;
    }

    private String relativeTo(String location, String relative) {
        boolean classpath = location.startsWith(CLASSPATH);
        Path base = Path.of(classpath ? location.substring(CLASSPATH.length()) : location);
        if (isYaml(base.toString())) {
            base = base.getParent() == null ? Path.of("") : base.getParent();
        }
        String resolved = base.resolve(relative).normalize().toString();
        return classpath ? CLASSPATH + resolved : resolved;
    }

    private List<SourceFile> files(String location, List<CatalogProblem> problems) {
        List<SourceFile> files = location.startsWith(CLASSPATH) ? classpathFiles(location) : diskFiles(location);
        if (files.isEmpty()) {
            problems.add(new CatalogProblem(
                    location, 1, 1, "no catalog here: expected a .yml or .yaml file, or a folder holding them"));
        }
        return files;
    }

    private List<SourceFile> diskFiles(String location) {
        Path path = Path.of(location);
        if (Files.isRegularFile(path)) {
            return List.of(SourceFile.of(path));
        }
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(path)) {
            return listing.filter(file -> isYaml(file.toString()))
                    .sorted()
                    .map(SourceFile::of)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private List<SourceFile> classpathFiles(String location) {
        String pattern = isYaml(location) ? location : location + "/*.y*ml";
        try {
            return Arrays.stream(resources.getResources(pattern))
                    .filter(Resource::exists)
                    .sorted(Comparator.comparing(resource -> String.valueOf(resource.getFilename())))
                    .map(resource -> SourceFile.of(location, resource))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean isYaml(String name) {
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    /** A file of the catalog: how problems name it, and how to read it. */
    private record SourceFile(String name, Opener opener) {

        static SourceFile of(Path path) {
            return new SourceFile(path.toString(), () -> Files.newInputStream(path));
        }

        static SourceFile of(String location, Resource resource) {
            String name = isYaml(location) ? location : location + "/" + resource.getFilename();
            return new SourceFile(name, resource::getInputStream);
        }

        InputStream open() throws IOException {
            return opener.open();
        }
    }

    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }
}
