package org.prisonerregistry.reference;

import java.util.UUID;

/** A provision of law that charges invoke. */
public record LegalProvision(UUID id, String code, String country, String law, String article, String title) {}
