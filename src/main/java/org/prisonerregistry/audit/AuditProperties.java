package org.prisonerregistry.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit log's settings ({@code registry.audit.*}, env {@code REGISTRY_AUDIT_*}). None of them
 * turns the audit off: there is no such switch.
 *
 * @param origin         the log's name in its checkpoints (C2SP origin) and its key name; no spaces or '+'
 * @param signingKeyFile REGISTRY_AUDIT_SIGNING_KEY_FILE: the Ed25519 key (PKCS#8 PEM); default: generated in the data folder
 * @param checkpointFile REGISTRY_AUDIT_CHECKPOINT_FILE: where every checkpoint is also appended; default: in the data folder
 * @param sealing        how staged events are ordered and sealed
 */
@ConfigurationProperties("registry.audit")
public record AuditProperties(
        @DefaultValue("prisoner-registry.local/audit") String origin,
        Path signingKeyFile,
        Path checkpointFile,
        @DefaultValue Sealing sealing) {

    /** The file the checkpoints go to when none is configured. */
    public static final String DEFAULT_CHECKPOINT_FILE_NAME = "audit-checkpoints.txt";
    /** The longest an event may wait to be sealed: the bound the README promises. */
    public static final Duration MAX_SEALING_INTERVAL = Duration.ofSeconds(1);

    public AuditProperties {
        NoteKey.requireValidName(origin);
    }

    /** Each instance seals every {@code interval} (at most one second), up to {@code batchSize} events per transaction. */
    public record Sealing(@DefaultValue("200ms") Duration interval, @DefaultValue("2000") int batchSize) {
        public Sealing {
            if (interval.isNegative() || interval.isZero() || interval.compareTo(MAX_SEALING_INTERVAL) > 0) {
                throw new IllegalArgumentException("registry.audit.sealing.interval must be more than 0 and at most 1s");
            }
            if (batchSize < 1 || batchSize > 10_000) {
                throw new IllegalArgumentException("registry.audit.sealing.batch-size must be between 1 and 10,000");
            }
        }
    }

    /** The signing key: the configured file, or the one generated in {@code dataDir}. */
    public AuditSigningKey signingKey(Path dataDir) {
        return AuditSigningKeyFile.loadOrCreate(Optional.ofNullable(signingKeyFile), dataDir, origin);
    }

    public Path checkpointFileIn(Path dataDir) {
        return checkpointFile != null ? checkpointFile : dataDir.resolve(DEFAULT_CHECKPOINT_FILE_NAME);
    }
}
