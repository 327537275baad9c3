package dev.steward.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** A process and every process it started, killed at once. */
final class ProcessTree {

    private ProcessTree() {}

    /**
     * Stops (SIGSTOP) the process and its descendants, looking for them again until no new one appears, so that none
     * starts another in between, then kills them all (SIGKILL). Answers the programs killed besides the root.
     */
    static List<String> kill(ProcessHandle root) {
        Set<ProcessHandle> stopped = new LinkedHashSet<>();
        signal("-STOP", List.of(root));
        List<ProcessHandle> found = root.descendants().toList();
        while (!stopped.containsAll(found)) {
            List<ProcessHandle> fresh =
                    found.stream().filter(child -> !stopped.contains(child)).toList();
            signal("-STOP", fresh);
            stopped.addAll(fresh);
            found = root.descendants().toList();
        }
        List<String> programs = stopped.stream()
                .map(child -> Path.of(child.info().command().orElse("?"))
                        .getFileName()
                        .toString())
                .toList();
        List<ProcessHandle> all = new ArrayList<>(stopped);
        all.add(root);
        signal("-KILL", all);
        return programs;
    }

    private static void signal(String signal, List<ProcessHandle> processes) {
        if (processes.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", signal));
        processes.forEach(handle -> command.add(Long.toString(handle.pid())));
        try {
            // a process may have ended meanwhile: kill then says so and signals the others all the same
            new ProcessBuilder(command).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
