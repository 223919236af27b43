package org.prisonerregistry.reference;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.prisonerregistry.common.InvalidInputException;
import org.prisonerregistry.common.Violations;
import org.prisonerregistry.reference.ReferenceInputs.AddLegalProvisionInput;
import org.prisonerregistry.reference.ReferenceInputs.CreateFacilityInput;
import org.prisonerregistry.reference.ReferenceInputs.CreateOrganisationInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Facilities, organisations and the legal catalogue: the reference data other records point to. */
@Service
@Transactional(readOnly = true)
public class ReferenceDataService {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]*");

    private final FacilityRepository facilities;
    private final OrganisationRepository organisations;
    private final LegalProvisionRepository provisions;

    ReferenceDataService(FacilityRepository facilities, OrganisationRepository organisations,
                         LegalProvisionRepository provisions) {
        this.facilities = facilities;
        this.organisations = organisations;
        this.provisions = provisions;
    }

    public List<Facility> facilities(String country) {
        return facilities.list(country);
    }

    public List<Organisation> organisations() {
        return organisations.list();
    }

    public List<LegalProvision> legalProvisions(String country) {
        return provisions.list(country);
    }

    public Map<UUID, Facility> facilitiesByIds(Collection<UUID> ids) {
        return byId(facilities.byIds(ids), Facility::id);
    }

    public Map<UUID, Organisation> organisationsByIds(Collection<UUID> ids) {
        return byId(organisations.byIds(ids), Organisation::id);
    }

    public Map<UUID, LegalProvision> legalProvisionsByIds(Collection<UUID> ids) {
        return byId(provisions.byIds(ids), LegalProvision::id);
    }

    public java.util.Optional<Organisation> organisationByCode(String code) {
        return organisations.byCode(code);
    }

    /** Adds a violation to {@code v} unless a facility with this id exists. */
    public void checkFacility(Violations v, String field, UUID id) {
        if (id != null && !facilities.exists(id)) {
            v.add(field, "names no known facility");
        }
    }

    /** Adds a violation to {@code v} unless an organisation with this id exists. */
    public void checkOrganisation(Violations v, String field, UUID id) {
        if (id != null && !organisations.exists(id)) {
            v.add(field, "names no known organisation");
        }
    }

    /** The provision with this code, or a violation naming {@code field}. */
    public LegalProvision requireLegalProvision(String field, String code) {
        return provisions.byCode(code).orElseThrow(() -> new InvalidInputException(field, "names no provision in the catalogue"));
    }

    @Transactional
    public Facility createFacility(CreateFacilityInput in) {
        new Violations()
                .requiredText("input.name", in.name(), 200)
                .required("input.country", in.country()).country("input.country", in.country())
                .requiredText("input.region", in.region(), 100)
                .throwIfAny();
        if (facilities.nameTaken(in.country(), in.name().strip())) {
            throw new InvalidInputException("input.name", "is already the name of a facility in this country");
        }
        return facilities.insert(new Facility(UUID.randomUUID(), in.name().strip(), in.country(), in.region().strip(),
                in.kind(), in.operator()));
    }

    @Transactional
    public Organisation createOrganisation(CreateOrganisationInput in) {
        Violations v = new Violations()
                .requiredText("input.code", in.code(), 32)
                .requiredText("input.name", in.name(), 200)
                .required("input.country", in.country()).country("input.country", in.country());
        if (in.code() != null && !CODE.matcher(in.code()).matches()) {
            v.add("input.code", "may contain only capital letters, digits and dashes");
        }
        v.throwIfAny();
        if (organisations.codeTaken(in.code())) {
            throw new InvalidInputException("input.code", "is already the code of another organisation");
        }
        return organisations.insert(new Organisation(UUID.randomUUID(), in.code(), in.name().strip(), in.kind(), in.country()));
    }

    @Transactional
    public LegalProvision addLegalProvision(AddLegalProvisionInput in) {
        Violations v = new Violations()
                .requiredText("input.code", in.code(), 64)
                .required("input.country", in.country()).country("input.country", in.country())
                .requiredText("input.law", in.law(), 200)
                .maxLength("input.article", in.article(), 100)
                .requiredText("input.title", in.title(), 500);
        if (in.code() != null && !CODE.matcher(in.code()).matches()) {
            v.add("input.code", "may contain only capital letters, digits and dashes");
        }
        v.throwIfAny();
        if (provisions.byCode(in.code()).isPresent()) {
            throw new InvalidInputException("input.code", "is already the code of another provision");
        }
        return provisions.insert(new LegalProvision(UUID.randomUUID(), in.code(), in.country(), in.law().strip(),
                in.article(), in.title().strip()));
    }

    private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
