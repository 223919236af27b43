package org.prisonerregistry.keys;

import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Objects;
import org.prisonerregistry.crypto.Argon2Settings;
import org.prisonerregistry.crypto.Keyring;
import org.prisonerregistry.crypto.KeyringException;
import org.prisonerregistry.crypto.KeyringFile;

/**
 * The keyring file this process uses and the passphrase that opens it. The passphrase stays in
 * memory for the life of the process: rotation must write the file again, protected the same way.
 */
final class KeyringLocation {

    static final String DEFAULT_FILE_NAME = "keyring.json";

    private final Path file;
    private final boolean configured;
    private final char[] passphrase;
    private final boolean insideDataDir;

    private KeyringLocation(Path file, boolean configured, char[] passphrase, boolean insideDataDir) {
        this.file = file;
        this.configured = configured;
        this.passphrase = passphrase;
        this.insideDataDir = insideDataDir;
    }

    static KeyringLocation of(KeyringProperties properties, Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        boolean configured = properties.file() != null && !properties.file().toString().isBlank();
        Path file = configured ? properties.file().toAbsolutePath().normalize() : data.resolve(DEFAULT_FILE_NAME);
        return new KeyringLocation(file, configured, passphrase(properties), file.startsWith(data));
    }

    private static char[] passphrase(KeyringProperties properties) {
        if (properties.passphrase() != null && properties.passphraseFile() != null) {
            throw new KeyringUnavailableException("Both REGISTRY_KEYRING_PASSPHRASE and REGISTRY_KEYRING_PASSPHRASE_FILE "
                    + "are set; set one of them");
        }
        if (properties.passphrase() != null) {
            if (properties.passphrase().isEmpty()) {
                throw new KeyringUnavailableException("REGISTRY_KEYRING_PASSPHRASE is set but empty; unset it or give the passphrase");
            }
            return properties.passphrase().toCharArray();
        }
        if (properties.passphraseFile() == null) {
            return null;
        }
        Path path = properties.passphraseFile();
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new KeyringUnavailableException("REGISTRY_KEYRING_PASSPHRASE_FILE names " + path + ", which does not exist");
        } catch (IOException e) {
            throw new KeyringUnavailableException("Cannot read the keyring passphrase file " + path, e);
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(content));
            int end = chars.limit();
            // One trailing line break, as editors and `echo` leave it, is not part of the passphrase.
            if (end > 0 && chars.get(end - 1) == '\n') {
                end--;
                if (end > 0 && chars.get(end - 1) == '\r') {
                    end--;
                }
            }
            if (end == 0) {
                throw new KeyringUnavailableException("The keyring passphrase file " + path + " is empty");
            }
            char[] passphrase = new char[end];
            chars.get(0, passphrase);
            Arrays.fill(chars.array(), '\0');
            return passphrase;
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    Path file() {
        return file;
    }

    boolean configured() {
        return configured;
    }

    boolean passphraseProtected() {
        return passphrase != null;
    }

    boolean insideDataDir() {
        return insideDataDir;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** Loads the keyring; in the embedded default (no file configured) generates it at first start. */
    Keyring open(boolean mayCreate) {
        try {
            return mayCreate && !configured ? KeyringFile.loadOrCreate(file, passphrase) : KeyringFile.load(file, passphrase);
        } catch (KeyringException e) {
            throw new KeyringUnavailableException("The keyring cannot be opened: " + e.getMessage()
                    + (configured ? " (REGISTRY_KEYRING_FILE)" : " (the default keyring in the data folder)"), e);
        }
    }

    /** Writes the keyring back atomically, protected as it was opened. */
    void save(Keyring keyring) {
        try {
            KeyringFile.replace(file, keyring, passphrase, Argon2Settings.RECOMMENDED);
        } catch (KeyringException e) {
            throw new KeyringUnavailableException("The keyring cannot be saved: " + e.getMessage(), e);
        }
    }

    /** What changes when the file is replaced (another process rotated), or null when it cannot be read now. */
    FileIdentity identity() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileIdentity(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        } catch (IOException e) {
            return null;
        }
    }

    /** The inode (where the platform has one), modification time and size of the keyring file. */
    record FileIdentity(Object fileKey, FileTime modified, long size) {
        boolean sameAs(FileIdentity other) {
            return other != null && Objects.equals(fileKey, other.fileKey) && modified.equals(other.modified)
                    && size == other.size;
        }
    }
}
