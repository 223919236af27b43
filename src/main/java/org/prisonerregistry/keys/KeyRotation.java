package org.prisonerregistry.keys;

/** Where rotation stands: the keyring's versions and how many data keys are on the current one. */
public record KeyRotation(int currentMasterVersion, int minimumDecryptionVersion, int dataKeys, int onCurrentVersion) {
}
