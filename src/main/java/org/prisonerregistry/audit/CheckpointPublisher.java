package org.prisonerregistry.audit;

import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every new checkpoint outside the database, once its transaction has committed: appended to
 * the checkpoint file and logged on one line, where a partner's witness or a log shipper can take it.
 */
public final class CheckpointPublisher {

    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final CheckpointFile file;

    public CheckpointPublisher(CheckpointFile file) {
        this.file = file;
    }

    public CheckpointFile file() {
        return file;
    }

    public void publish(StoredCheckpoint checkpoint) {
        // the note holds sizes, hashes and a signature only: nothing about any person
        log.info("Audit checkpoint: size {}, root {}, note {}", checkpoint.size(), checkpoint.root().base64(),
                checkpoint.note().replace("\n", "\\n"));
        try {
            file.append(checkpoint.note());
        } catch (UncheckedIOException e) {
            log.error("Audit checkpoint at size {} is in the database and the log but not in {}: {}. A cut tail "
                    + "after it would be caught only by a later checkpoint or a partner's copy", checkpoint.size(),
                    file.path(), e.getCause().getMessage());
        }
    }
}
