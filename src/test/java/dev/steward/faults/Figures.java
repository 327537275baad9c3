package dev.steward.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What a fault test measured, printed and kept under {@code target/fault-figures} for the record. */
final class Figures {

    private final String test;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    Figures(String test) {
        this.test = test;
    }

    Figures put(String name, Object value) {
        figures.put(name, value);
        return this;
    }

    void write() {
        String text = figures.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining("\n", test + "\n", "\n"));
        System.out.print(text);
        try {
            Path directory = Files.createDirectories(Path.of("target", "fault-figures"));
            Files.writeString(directory.resolve(test + ".txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
