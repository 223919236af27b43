package org.prisonerregistry.seed;

import java.util.Map;
import java.util.UUID;

/** The ids of the reference rows demo records point to, as found or created in the database. */
record DemoReferences(Map<String, UUID> facilityIds, Map<String, UUID> organisationIds,
                      Map<String, UUID> provisionIds) {

    DemoReferences {
        facilityIds = Map.copyOf(facilityIds);
        organisationIds = Map.copyOf(organisationIds);
        provisionIds = Map.copyOf(provisionIds);
    }

    UUID facility(String country, String name) {
        return require(facilityIds, DemoReferenceData.FacilitySeed.key(country, name), "facility");
    }

    UUID organisation(String code) {
        return require(organisationIds, code, "organisation");
    }

    UUID provision(String code) {
        return require(provisionIds, code, "legal provision");
    }

    private static UUID require(Map<String, UUID> ids, String key, String what) {
        UUID id = ids.get(key);
        if (id == null) {
            throw new IllegalStateException("The demo data needs the " + what + " " + key + ", which is not in the database");
        }
        return id;
    }
}
