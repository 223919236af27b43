package org.prisonerregistry.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the audit signing key from a PEM file, or creates one owner-only at first start.
 *
 * <p>The file is an unencrypted PKCS#8 "PRIVATE KEY" PEM, exactly what {@code openssl genpkey
 * -algorithm ed25519} writes, so an operator can make, back up and inspect the key with common
 * tools, and a hardware or vault export in the same standard form drops in. The public key is
 * derived from the private seed when the file is read. The key never goes into the database: an
 * attacker who can rewrite the audit tables must not also be able to re-sign them.
 */
public final class AuditSigningKeyFile {

    /** The file created in the data folder when no key file is configured. */
    public static final String DEFAULT_FILE_NAME = "audit-signing-key.pem";
    // The PEM label of PKCS#8 keys; the file's key itself is generated or supplied, never committed.
    private static final String LABEL = "PRIVATE KEY";
    private static final String BEGIN = "-----BEGIN " + LABEL + "-----";
    private static final String END = "-----END " + LABEL + "-----";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AuditSigningKeyFile() {
    }

    /**
     * The key from {@code configuredFile} (REGISTRY_AUDIT_SIGNING_KEY_FILE) when given, which must
     * exist; otherwise the one in {@code dataDir}, generated there on first use.
     */
    public static AuditSigningKey loadOrCreate(Optional<Path> configuredFile, Path dataDir, String keyName) {
        if (configuredFile.isPresent()) {
            return load(configuredFile.get(), keyName);
        }
        Path file = dataDir.resolve(DEFAULT_FILE_NAME);
        if (!Files.exists(file)) {
            try {
                Files.createDirectories(dataDir);
                create(file);
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                // two instances started together on one data folder: use the key the other wrote
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create the audit signing key " + file, e);
            }
        }
        return load(file, keyName);
    }

    /** Reads a PKCS#8 PEM Ed25519 private key; refuses a file that others than its owner may read. */
    public static AuditSigningKey load(Path file, String keyName) {
        try {
            requireOwnerOnly(file);
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            int begin = pem.indexOf(BEGIN);
            int end = pem.indexOf(END);
            if (begin < 0 || end < begin) {
                throw new IllegalArgumentException("The audit signing key " + file + " is not a PEM \"PRIVATE KEY\"");
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            Arrays.fill(der, (byte) 0);
            return withDerivedPublicKey(keyName, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the audit signing key " + file, e);
        } catch (GeneralSecurityException e) {
            // the message names the file only: never echo key material
            throw new IllegalArgumentException("The audit signing key " + file + " is not an Ed25519 PKCS#8 key", e);
        }
    }

    /** Generates a fresh key into {@code file}, created with rw------- so it is never readable by others, even briefly. */
    static void create(Path file) throws IOException {
        KeyPair pair = generator(new SecureRandom()).generateKeyPair();
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded());
        String pem = BEGIN + "\n" + base64 + "\n" + END + "\n";
        Path created = createOwnerOnly(file);
        Files.writeString(created, pem, StandardCharsets.US_ASCII);
    }

    /**
     * The JDK has no public call from an Ed25519 seed to its public key, but its key pair generator
     * takes the seed from the SecureRandom it is given. The result is checked by
     * {@link AuditSigningKey}'s sign-and-verify probe, so a runtime that generates differently
     * fails loudly instead of yielding a wrong public key.
     */
    private static AuditSigningKey withDerivedPublicKey(String keyName, PrivateKey privateKey) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new GeneralSecurityException("The private key's seed is not readable"));
        KeyPair derived = generator(new SeedRandom(seed)).generateKeyPair();
        Arrays.fill(seed, (byte) 0);
        return new AuditSigningKey(keyName, privateKey, derived.getPublic());
    }

    private static KeyPairGenerator generator(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, random);
            return generator;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The Java runtime lacks Ed25519", e);
        }
    }

    private static Path createOwnerOnly(Path file) throws IOException {
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createFile(file); // Windows: the file inherits the user's ACLs
        }
    }

    private static void requireOwnerOnly(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IllegalStateException("The audit signing key " + file + " may be read or changed by others ("
                    + PosixFilePermissions.toString(permissions) + "); run chmod 600 on it");
        }
    }

    /** Hands the key pair generator a given seed instead of random bytes. */
    private static final class SeedRandom extends SecureRandom {
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("The Ed25519 generator asked for " + bytes.length + " bytes, not a 32-byte seed");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
