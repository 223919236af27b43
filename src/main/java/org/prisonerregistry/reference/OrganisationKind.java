package org.prisonerregistry.reference;

/** Kinds of organisations taking part in the registry. */
public enum OrganisationKind {
    HUMAN_RIGHTS_GROUP, LAWYER_COLLECTIVE, FAMILY_ORGANISATION, FOUNDATION, INTERNATIONAL_CAMPAIGN, TRADE_UNION
}
