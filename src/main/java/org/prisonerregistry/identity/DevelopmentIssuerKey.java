package org.prisonerregistry.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The development issuer's ES256 signing key, kept as a JWK in the data folder so that the server
 * and the {@code token} command, which run as separate processes, share it. Generated at first use,
 * readable by the owner alone, and refused when anyone else could read it.
 */
public final class DevelopmentIssuerKey {

    static final String FILE_NAME = "dev-issuer-key.json";

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;
    private final ECKey key;

    private DevelopmentIssuerKey(Path file, ECKey key) {
        this.file = file;
        this.key = key;
    }

    /** Reads the key from {@code dataDir}, generating it there first if there is none yet. */
    public static DevelopmentIssuerKey loadOrCreate(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE_NAME);
        try {
            createPrivateDirectory(dir);
            if (!Files.exists(file)) {
                create(file);
            }
            return new DevelopmentIssuerKey(file, read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the development issuer's key " + file, e);
        }
    }

    /** The private key, for signing. */
    ECKey signingKey() {
        return key;
    }

    /** The public half, for verifying. */
    ECKey verificationKey() {
        return key.toPublicJWK();
    }

    public Path file() {
        return file;
    }

    /**
     * Writes a fresh key to a temporary file that is owner-only from its creation, then links it
     * into place; a link fails if the file exists, so two processes starting together agree on one key.
     */
    private static void create(Path file) throws IOException {
        ECKey generated;
        try {
            generated = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate the development issuer's key", e);
        }
        Path temporary = Files.createTempFile(file.getParent(), ".dev-issuer-key", ".tmp", ownerOnly(file));
        try {
            Files.writeString(temporary, generated.toJSONString() + "\n", StandardCharsets.UTF_8);
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                // Keep theirs: it is read back below.
            } catch (UnsupportedOperationException noHardLinks) {
                if (!Files.exists(file)) {
                    Files.move(temporary, file);
                }
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static ECKey read(Path file) throws IOException {
        if (isPosix(file) && GROUP_OR_OTHERS.stream().anyMatch(Files.getPosixFilePermissions(file)::contains)) {
            throw new IllegalStateException("The development issuer's key " + file + " can be read by other users; "
                    + "anyone with it can mint tokens. Restrict it (chmod 600) or delete it to get a new key");
        }
        ECKey key;
        try {
            key = ECKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException("The development issuer's key " + file + " is not a valid key; "
                    + "delete it to get a new one (tokens minted with the old key stop working)");
        }
        if (!key.isPrivate() || !Curve.P_256.equals(key.getCurve()) || key.getKeyID() == null) {
            throw new IllegalStateException("The development issuer's key " + file + " is not a private P-256 key "
                    + "with a key id; delete it to get a new one");
        }
        return key;
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            if (isPosix(dir)) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        return isPosix(file)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0]; // Windows: the file inherits the user's ACLs
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
