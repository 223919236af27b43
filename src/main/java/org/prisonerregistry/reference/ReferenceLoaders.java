package org.prisonerregistry.reference;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import graphql.schema.DataFetchingEnvironment;

/**
 * Names of the per-request batch loaders for reference data. A field that points at a facility,
 * organisation or legal provision resolves through these, so a page costs one query per level.
 */
public final class ReferenceLoaders {

    public static final String FACILITY_BY_ID = "facilityById";
    public static final String ORGANISATION_BY_ID = "organisationById";
    public static final String LEGAL_PROVISION_BY_ID = "legalProvisionById";

    private ReferenceLoaders() {
    }

    public static CompletableFuture<Facility> facility(DataFetchingEnvironment env, UUID id) {
        return load(env, FACILITY_BY_ID, id);
    }

    public static CompletableFuture<Organisation> organisation(DataFetchingEnvironment env, UUID id) {
        return load(env, ORGANISATION_BY_ID, id);
    }

    public static CompletableFuture<LegalProvision> legalProvision(DataFetchingEnvironment env, UUID id) {
        return load(env, LEGAL_PROVISION_BY_ID, id);
    }

    private static <T> CompletableFuture<T> load(DataFetchingEnvironment env, String name, UUID id) {
        if (id == null) {
            return CompletableFuture.completedFuture(null);
        }
        DataLoader<UUID, T> loader = env.getDataLoader(name);
        return loader.load(id);
    }
}
