package org.prisonerregistry.defender;

/** How a threat reached the defender. */
public enum ThreatChannel {
    IN_PERSON, PHONE, SOCIAL_MEDIA, MESSAGING_APP, EMAIL, LETTER, PRESS, OTHER
}
