package org.prisonerregistry.reference;

import java.util.UUID;

/** An organisation taking part in the registry. */
public record Organisation(UUID id, String code, String name, OrganisationKind kind, String country) {}
