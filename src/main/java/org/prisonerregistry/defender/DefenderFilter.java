package org.prisonerregistry.defender;

import java.time.LocalDate;
import java.util.UUID;

/** Conditions a listed defender meets, all of them; null means no condition. */
record DefenderFilter(UUID organisationId, RiskLevel riskLevel, DefenderKind kind, LocalDate threatenedSince) {

    static final DefenderFilter NONE = new DefenderFilter(null, null, null, null);
}
