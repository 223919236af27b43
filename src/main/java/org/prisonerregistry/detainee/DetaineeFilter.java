package org.prisonerregistry.detainee;

import java.time.LocalDate;
import java.util.UUID;
import org.prisonerregistry.detention.Regime;

/**
 * Conditions a listed detainee meets, all of them; null means no condition. {@code name} matches the
 * full name or an alias exactly, case and accents folded (through a blind index: the names are encrypted).
 */
public record DetaineeFilter(String country, String region, Regime regime, UUID facilityId, String legalProvisionCode,
                             LocalDate arrestedFrom, LocalDate arrestedTo, SupportStatus supportStatus, String name) {

    public static final DetaineeFilter NONE = new DetaineeFilter(null, null, null, null, null, null, null, null, null);
}
