package org.prisonerregistry.audit;

import java.util.UUID;

/**
 * What the registry stages an event with, to prove it wrote it: a random nonce, unique to the
 * event, and the {@link StagingMac} over the nonce and the event's whole content.
 */
public record StagingTag(UUID nonce, byte[] mac) {

    public StagingTag {
        java.util.Objects.requireNonNull(nonce, "nonce");
        mac = mac.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    @Override
    public String toString() {
        return "StagingTag[" + nonce + "]";
    }
}
