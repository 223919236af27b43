package org.prisonerregistry.detainee;

/** Whether a person's needs are covered, derived from sponsorships and open needs. */
public enum SupportStatus {
    /** A sponsorship is active today. */
    SPONSORED,
    /** Open needs and no active sponsorship. */
    NEEDS_SUPPORT,
    /** No open needs recorded, and no active sponsorship. */
    NO_OPEN_NEEDS;

    static SupportStatus of(boolean sponsored, boolean openNeeds) {
        return sponsored ? SPONSORED : openNeeds ? NEEDS_SUPPORT : NO_OPEN_NEEDS;
    }
}
