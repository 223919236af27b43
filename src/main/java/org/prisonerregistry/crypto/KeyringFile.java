package org.prisonerregistry.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the keyring file ({@code REGISTRY_KEYRING_FILE}, or one generated into the data
 * folder at first start). JSON, owner-only (rw-------); a file others may read is refused, as ssh
 * refuses a private key others may read.
 *
 * <pre>
 * { "format": "prisoner-registry-keyring/1",
 *   "protection": "argon2id",                 // or "none"
 *   "argon2id": { "memoryKiB": 65536, "iterations": 3, "parallelism": 4, "salt": "&lt;16 bytes, base64&gt;" },
 *   "nonce": "&lt;12 bytes, base64&gt;",
 *   "material": "&lt;AES-256-GCM(payload) ‖ tag, base64&gt;" }
 *
 * { "format": "prisoner-registry-keyring/1", "protection": "none",
 *   "material": "&lt;payload, base64&gt;", "checksum": "&lt;HMAC-SHA-256, base64&gt;" }
 * </pre>
 * payload = minimum decryption version (u32) ‖ count (u32) ‖ count × (version (u32) ‖ 32-byte
 * master key) ‖ 32-byte blind-index key. The associated data (or checksum input) covers the format,
 * the protection and the Argon2id settings and salt, so none can be edited without detection.
 *
 * <p>Integrity: with a passphrase, AES-256-GCM under the Argon2id-derived key both hides the keys
 * and authenticates the whole file; a wrong passphrase and a tampered file both fail its tag, and
 * cannot be told apart (so the message names both). Without a passphrase there is no secret to key
 * a MAC with, so the checksum (HMAC-SHA-256 under a fixed public label) detects corruption and
 * hand edits, not a deliberate forgery: whoever can write an unprotected keyring owns it anyway.
 */
public final class KeyringFile {

    static final String FORMAT = "prisoner-registry-keyring/1";
    private static final byte[] CHECKSUM_KEY = "prisoner-registry/keyring-checksum/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int MAX_VERSIONS = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyringFile() {
    }

    /** Loads the keyring at {@code file}; {@code passphrase} is null for an unprotected file. Fails closed. */
    public static Keyring load(Path file, char[] passphrase) {
        requireOwnerOnly(file);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeyringException("no keyring file at " + file);
        } catch (IOException e) {
            throw new KeyringException("cannot read the keyring file " + file, e);
        }
        return parse(content, passphrase, file.toString());
    }

    /**
     * Loads the keyring at {@code file}, or, if there is none, generates one, writes it there
     * owner-only (protected when a passphrase is given) and returns it: the embedded default.
     */
    public static Keyring loadOrCreate(Path file, char[] passphrase) {
        if (Files.exists(file)) {
            return load(file, passphrase);
        }
        Keyring keyring = Keyring.generate();
        try {
            create(file, keyring, passphrase, Argon2Settings.RECOMMENDED);
        } catch (KeyringException e) {
            if (e.getCause() instanceof FileAlreadyExistsException) {
                // Another process created it first: use theirs, never overwrite a keyring.
                return load(file, passphrase);
            }
            throw e;
        }
        return keyring;
    }

    /** Writes a new keyring file; refuses to overwrite one, since that would destroy keys. */
    public static void create(Path file, Keyring keyring, char[] passphrase, Argon2Settings settings) {
        write(file, keyring, passphrase, settings, false);
    }

    /** Replaces an existing keyring file atomically (after rotation or retirement). */
    public static void replace(Path file, Keyring keyring, char[] passphrase, Argon2Settings settings) {
        write(file, keyring, passphrase, settings, true);
    }

    static byte[] serialise(Keyring keyring, char[] passphrase, Argon2Settings settings) {
        byte[] payload = payload(keyring);
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        Base64.Encoder b64 = Base64.getEncoder();
        try {
            if (passphrase == null) {
                root.put("protection", "none");
                root.put("material", b64.encodeToString(payload));
                root.put("checksum", b64.encodeToString(HmacSha256.mac(CHECKSUM_KEY, checksummed("none", payload))));
            } else {
                byte[] salt = random(SALT_BYTES);
                byte[] nonce = random(NONCE_BYTES);
                root.put("protection", "argon2id");
                ObjectNode kdf = root.putObject("argon2id");
                kdf.put("memoryKiB", settings.memoryKiB());
                kdf.put("iterations", settings.iterations());
                kdf.put("parallelism", settings.parallelism());
                kdf.put("salt", b64.encodeToString(salt));
                root.put("nonce", b64.encodeToString(nonce));
                byte[] fileKey = argon2id(passphrase, salt, settings);
                try {
                    root.put("material", b64.encodeToString(
                            AesGcm.seal(fileKey, nonce, protectedAad(settings, salt), payload)));
                } finally {
                    Arrays.fill(fileKey, (byte) 0);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new KeyringException("cannot seal the keyring");
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    static Keyring parse(byte[] content, char[] passphrase, String name) {
        JsonNode root;
        String protection;
        byte[] material;
        try {
            root = JSON.readTree(content);
            if (!FORMAT.equals(root.path("format").asString(""))) {
                throw new KeyringException("the keyring file " + name + " is not a " + FORMAT + " file");
            }
            protection = root.path("protection").stringValue();
            material = Base64.getDecoder().decode(root.path("material").stringValue());
        } catch (KeyringException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new KeyringException("the keyring file " + name + " is malformed (damaged or edited)");
        }
        byte[] payload = switch (protection) {
            case "none" -> {
                if (passphrase != null) {
                    throw new KeyringException("a passphrase was given but the keyring file " + name
                            + " is not protected by one; refusing rather than guessing which file was meant");
                }
                byte[] checksum = decodeField(root, "checksum", name);
                if (!HmacSha256.verify(CHECKSUM_KEY, checksummed("none", material), checksum)
                        || checksum.length != HmacSha256.FULL_BYTES) {
                    throw new KeyringException("the keyring file " + name + " fails its checksum (damaged or edited)");
                }
                yield material;
            }
            case "argon2id" -> {
                if (passphrase == null) {
                    throw new KeyringException("the keyring file " + name + " is protected by a passphrase, and none was given");
                }
                JsonNode kdf = root.path("argon2id");
                Argon2Settings settings;
                try {
                    settings = new Argon2Settings(kdf.path("memoryKiB").intValue(), kdf.path("iterations").intValue(),
                            kdf.path("parallelism").intValue());
                } catch (RuntimeException e) {
                    throw new KeyringException("the keyring file " + name + " has unusable Argon2id settings (damaged or edited)");
                }
                byte[] salt = decodeField(kdf, "salt", name);
                byte[] nonce = decodeField(root, "nonce", name);
                if (salt.length != SALT_BYTES || nonce.length != NONCE_BYTES) {
                    throw new KeyringException("the keyring file " + name + " is malformed (damaged or edited)");
                }
                byte[] fileKey = argon2id(passphrase, salt, settings);
                try {
                    yield AesGcm.open(fileKey, nonce, protectedAad(settings, salt), material, 0, material.length);
                } catch (GeneralSecurityException e) {
                    throw new KeyringException("cannot open the keyring file " + name
                            + ": wrong passphrase, or the file was damaged or edited");
                } finally {
                    Arrays.fill(fileKey, (byte) 0);
                }
            }
            default -> throw new KeyringException("the keyring file " + name + " has an unknown protection");
        };
        try {
            return fromPayload(payload, name);
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    private static byte[] decodeField(JsonNode node, String field, String name) {
        try {
            return Base64.getDecoder().decode(node.path(field).stringValue());
        } catch (RuntimeException e) {
            throw new KeyringException("the keyring file " + name + " is malformed (damaged or edited)");
        }
    }

    private static byte[] payload(Keyring keyring) {
        Encoding out = new Encoding().u32(keyring.minimumDecryptionVersion()).u32(keyring.masterKeys().size());
        keyring.masterKeys().forEach((version, key) -> out.u32(version).bytes(key));
        return out.bytes(keyring.indexKey()).toByteArray();
    }

    private static Keyring fromPayload(byte[] payload, String name) {
        try {
            ByteBuffer in = ByteBuffer.wrap(payload);
            int minimum = in.getInt();
            int count = in.getInt();
            if (count < 1 || count > MAX_VERSIONS) {
                throw new KeyringException("the keyring file " + name + " holds no usable master keys");
            }
            TreeMap<Integer, byte[]> keys = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                int version = in.getInt();
                byte[] key = new byte[Keyring.KEY_BYTES];
                in.get(key);
                if (keys.put(version, key) != null) {
                    throw new KeyringException("the keyring file " + name + " holds master key version " + version + " twice");
                }
            }
            byte[] indexKey = new byte[Keyring.KEY_BYTES];
            in.get(indexKey);
            if (in.hasRemaining()) {
                throw new KeyringException("the keyring file " + name + " is malformed (trailing bytes)");
            }
            Keyring keyring = new Keyring(keys, minimum, indexKey);
            keys.values().forEach(k -> Arrays.fill(k, (byte) 0));
            Arrays.fill(indexKey, (byte) 0);
            return keyring;
        } catch (java.nio.BufferUnderflowException e) {
            throw new KeyringException("the keyring file " + name + " is malformed (truncated)");
        }
    }

    private static byte[] checksummed(String protection, byte[] material) {
        return new Encoding().text(FORMAT).text(protection).bytes(material).toByteArray();
    }

    private static byte[] protectedAad(Argon2Settings settings, byte[] salt) {
        return new Encoding().text(FORMAT).text("argon2id").u32(settings.memoryKiB()).u32(settings.iterations())
                .u32(settings.parallelism()).bytes(salt).toByteArray();
    }

    /** Argon2id (RFC 9106, version 0x13) from Bouncy Castle; the passphrase is encoded as UTF-8. */
    static byte[] argon2id(char[] passphrase, byte[] salt, Argon2Settings settings) {
        java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(passphrase));
        byte[] password = new byte[encoded.remaining()];
        encoded.get(password);
        // The encoder's buffer held the passphrase too.
        java.util.Arrays.fill(encoded.array(), (byte) 0);
        try {
            return argon2id(password, salt, null, null, settings.memoryKiB(), settings.iterations(),
                    settings.parallelism(), Keyring.KEY_BYTES);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** Raw Argon2id, also taking the optional secret and associated data, so RFC 9106's test vector can check it. */
    static byte[] argon2id(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, int memoryKiB,
            int iterations, int parallelism, int length) {
        Argon2Parameters.Builder parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt);
        if (secret != null) {
            parameters.withSecret(secret);
        }
        if (associatedData != null) {
            parameters.withAdditional(associatedData);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters.build());
        byte[] key = new byte[length];
        generator.generateBytes(password, key);
        return key;
    }

    private static byte[] random(int length) {
        byte[] out = new byte[length];
        RANDOM.nextBytes(out);
        return out;
    }

    private static void write(Path file, Keyring keyring, char[] passphrase, Argon2Settings settings, boolean replace) {
        byte[] content = serialise(keyring, passphrase, settings);
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            // Created owner-only from the start, so the keys are never readable by others, not even briefly.
            temp = createOwnerOnly(dir, file.getFileName() + ".tmp");
            Files.write(temp, content);
            if (replace) {
                moveAtomically(temp, file, StandardCopyOption.REPLACE_EXISTING);
            } else {
                if (Files.exists(file)) {
                    throw new FileAlreadyExistsException(file.toString());
                }
                moveAtomically(temp, file);
            }
            temp = null;
        } catch (FileAlreadyExistsException e) {
            throw new KeyringException("a keyring file already exists at " + file + "; not overwriting it", e);
        } catch (IOException e) {
            throw new KeyringException("cannot write the keyring file " + file, e);
        } finally {
            Arrays.fill(content, (byte) 0);
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Best effort: the temp file is owner-only like the keyring.
                }
            }
        }
    }

    private static void moveAtomically(Path from, Path to, StandardCopyOption... options) throws IOException {
        StandardCopyOption[] atomic = Arrays.copyOf(options, options.length + 1);
        atomic[options.length] = StandardCopyOption.ATOMIC_MOVE;
        try {
            Files.move(from, to, atomic);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, options);
        }
    }

    private static Path createOwnerOnly(Path dir, String prefix) throws IOException {
        if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
            return Files.createTempFile(dir, prefix, "",
                    PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        }
        Path temp = Files.createTempFile(dir, prefix, "");
        AclFileAttributeView acl = Files.getFileAttributeView(temp, AclFileAttributeView.class);
        if (acl == null) {
            Files.delete(temp);
            throw new IOException("cannot restrict the keyring file to its owner on this file system");
        }
        acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(acl.getOwner())
                .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
        return temp;
    }

    private static void requireOwnerOnly(Path file) {
        if (!Files.exists(file) || Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            permissions.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            if (!permissions.isEmpty()) {
                throw new KeyringException("the keyring file " + file + " may be read or changed by others ("
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
                        + "); restrict it with chmod 600 first");
            }
        } catch (IOException e) {
            throw new KeyringException("cannot read the permissions of the keyring file " + file, e);
        }
    }
}
