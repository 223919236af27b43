package org.prisonerregistry.keys;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the keyring is and how to open it: {@code REGISTRY_KEYRING_FILE}, and a passphrase from
 * {@code REGISTRY_KEYRING_PASSPHRASE} or {@code REGISTRY_KEYRING_PASSPHRASE_FILE} (at most one).
 * With no file, the keyring lives in the data folder (generated at first start).
 */
@ConfigurationProperties("registry.keyring")
public record KeyringProperties(Path file, String passphrase, Path passphraseFile) {

    /** Never shows the passphrase. */
    @Override
    public String toString() {
        return "KeyringProperties[file=" + file + ", passphrase=" + (passphrase == null ? "unset" : "set")
                + ", passphraseFile=" + passphraseFile + "]";
    }
}
