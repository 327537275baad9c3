package dev.steward.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the build's version and time and its git commit, from the files the build writes for
 * {@code /actuator/info} ({@code META-INF/build-info.properties}, {@code git.properties}).
 */
final class VersionInfo implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Properties build = load("META-INF/build-info.properties");
        Properties git = load("git.properties");
        List<String> lines = new ArrayList<>();
        lines.add("Steward " + build.getProperty("build.version", "(version unknown: not built by Maven)"));
        if (git.containsKey("git.commit.id.abbrev")) {
            lines.add("commit " + git.getProperty("git.commit.id.abbrev") + " of "
                    + git.getProperty("git.commit.time", "an unknown time"));
        }
        if (build.containsKey("build.time")) {
            lines.add("built " + build.getProperty("build.time"));
        }
        lines.add("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return lines.toArray(String[]::new);
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = VersionInfo.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // a version without the build's details is still an answer
        }
        return properties;
    }
}
