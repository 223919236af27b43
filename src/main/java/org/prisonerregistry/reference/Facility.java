package org.prisonerregistry.reference;

import java.util.UUID;

/** A prison or other place where people are held. */
public record Facility(UUID id, String name, String country, String region, FacilityKind kind,
                       FacilityOperator operator) {}
