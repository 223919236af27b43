package org.prisonerregistry.keys;

/** Progress of a rotation, reported after each batch. */
public record RotationProgress(int rewrapped, int total, int masterVersion) {

    @Override
    public String toString() {
        return "rewrapped " + rewrapped + "/" + Math.max(total, rewrapped) + " data keys to master version " + masterVersion;
    }
}
