package org.prisonerregistry.reference;

/** Inputs that create reference data. */
final class ReferenceInputs {

    private ReferenceInputs() {
    }

    record CreateFacilityInput(String name, String country, String region, FacilityKind kind, FacilityOperator operator) {}

    record CreateOrganisationInput(String code, String name, OrganisationKind kind, String country) {}

    record AddLegalProvisionInput(String code, String country, String law, String article, String title) {}
}
