package org.prisonerregistry.legal;

/** How a sentence is served. */
public enum SentenceRegime {
    EFFECTIVE_PRISON, SUPERVISED_RELEASE, PROBATION, SUSPENDED, HOUSE_ARREST, COMMUNITY_SERVICE, FINE_ONLY;

    /** Whether the person is deprived of liberty while serving it, so that a release date makes sense. */
    public boolean isCustodial() {
        return this == EFFECTIVE_PRISON || this == HOUSE_ARREST;
    }
}
