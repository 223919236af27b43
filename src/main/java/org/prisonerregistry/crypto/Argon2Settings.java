package org.prisonerregistry.crypto;

/**
 * Argon2id cost for deriving the keyring-file key from a passphrase. Stored in the file and
 * authenticated with it; a file asking for less than the floor (or absurdly more) is refused, so a
 * forged file cannot make a passphrase cheap to guess nor exhaust memory.
 */
public record Argon2Settings(int memoryKiB, int iterations, int parallelism) {

    /** RFC 9106 section 4, second recommended option: 64 MiB, 3 passes, 4 lanes (about half a second here). */
    public static final Argon2Settings RECOMMENDED = new Argon2Settings(64 * 1024, 3, 4);

    /** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane. */
    public static final Argon2Settings MINIMUM = new Argon2Settings(19 * 1024, 2, 1);

    public Argon2Settings {
        if (memoryKiB < 19 * 1024 || memoryKiB > 1024 * 1024 || iterations < 2 || iterations > 64
                || parallelism < 1 || parallelism > 16 || memoryKiB < 8 * parallelism) {
            throw new KeyringException("Argon2id settings out of range (memory 19 MiB..1 GiB, 2..64 passes, 1..16 lanes)");
        }
    }
}
