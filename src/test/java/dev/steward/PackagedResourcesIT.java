package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Every resource of {@code src/main/resources} is in {@code steward.jar}. WHY: the other tests run from
 * {@code target/classes}, and the jar plugin leaves out some names by default (every {@code package.html}, which is
 * how the privacy center's download page went missing from the jar while every test of it passed).
 */
class PackagedResourcesIT {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Path JAR = Path.of("target", "steward.jar");

    @Test
    void theJarHoldsEveryResource() throws IOException {
        Set<String> packaged;
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            packaged = jar.stream().map(ZipEntry::getName).collect(Collectors.toSet());
        }
        List<String> resources;
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            resources = files.filter(Files::isRegularFile)
                    .map(file -> RESOURCES.relativize(file).toString().replace('\\', '/'))
                    .toList();
        }

        assertThat(resources).as("files under src/main/resources").hasSizeGreaterThan(100);
        // Spring Boot's jar keeps the classes' META-INF at its own root
        assertThat(resources)
                .as("missing from steward.jar")
                .allMatch(resource -> packaged.contains("BOOT-INF/classes/" + resource)
                        || resource.startsWith("META-INF/") && packaged.contains(resource));
    }
}
