package org.prisonerregistry.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The copy of every checkpoint kept outside the database (REGISTRY_AUDIT_CHECKPOINT_FILE): signed
 * notes one after another, each followed by an empty line. Whoever rewrites the database cannot
 * take back a checkpoint written here, so a cut tail shows; a partner organisation that keeps (or
 * co-signs) a copy makes that true even against someone who also controls this machine.
 */
public final class CheckpointFile {

    private final Path file;

    public CheckpointFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /**
     * Appends a note in one write under an OS file lock (instances on one host may share the file)
     * and forces it to disk before returning.
     */
    public void append(String note) {
        byte[] bytes = (note + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock ignored = channel.lock()) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append the audit checkpoint to " + file, e);
        }
    }

    /** Every note in the file, in the order written; none if the file does not exist yet. */
    public List<String> readNotes() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the audit checkpoint file " + file, e);
        }
        return split(text);
    }

    /**
     * A note is its text lines, an empty line and its signature lines; notes are separated by an
     * empty line. A fragment that does not end a note (a torn write) is kept as it is, so that the
     * verifier rejects it rather than this method hiding it.
     */
    static List<String> split(String text) {
        List<String> notes = new ArrayList<>();
        StringBuilder note = new StringBuilder();
        boolean inSignatures = false;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                if (!inSignatures && !note.isEmpty()) {
                    note.append('\n');
                    inSignatures = true;
                } else if (inSignatures) {
                    notes.add(note.toString());
                    note.setLength(0);
                    inSignatures = false;
                }
                continue;
            }
            note.append(line).append('\n');
        }
        if (!note.isEmpty()) {
            notes.add(note.toString());
        }
        return notes;
    }
}
