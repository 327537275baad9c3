package dev.steward.vault;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import dev.steward.platform.Progress;
import java.security.GeneralSecurityException;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;

/** {@code keys rotate}: see {@link KeyRotation}. */
@Command(
        name = "rotate",
        description = {
            "Rotate the master key: a new key wraps every subject key and Steward key again, showing progress. An"
                    + " interrupted rotation is finished by running the command again."
        })
class KeysRotateCommand extends CliCommand {

    private final ObjectProvider<KeyRotation> rotations;

    KeysRotateCommand(ObjectProvider<KeyRotation> rotations) {
        this.rotations = rotations;
    }

    @Override
    public Integer call() {
        KeyRotation rotation = rotations.getObject();
        KeyRotation.Rotated rotated;
        try (Progress progress = progress("keys rotate: re-wrapping", rotation.subjectCount(), "subject keys")) {
            rotated = rotation.rotate(progress::advance);
        } catch (GeneralSecurityException e) {
            err().println("Rotation failed: " + e.getMessage() + ". Run 'keys rotate' again to finish it.");
            return CommandLine.PROBLEMS_FOUND;
        }
        out().println("Master key rotated: " + rotated.subjectKeys() + " subject keys and " + rotated.stewardKeys()
                + " Steward keys re-wrapped; the old master key is destroyed. Copy the new key set to every node.");
        return CommandLine.OK;
    }
}
