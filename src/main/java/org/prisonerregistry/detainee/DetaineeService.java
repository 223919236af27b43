package org.prisonerregistry.detainee;

import static org.prisonerregistry.common.Inputs.blankToNull;
import static org.prisonerregistry.common.Inputs.isNullGiven;
import static org.prisonerregistry.common.Inputs.pick;
import static org.prisonerregistry.keys.Sealed.inHand;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.prisonerregistry.access.DetaineeScope;
import org.prisonerregistry.common.Connection;
import org.prisonerregistry.common.ForbiddenException;
import org.prisonerregistry.common.InvalidInputException;
import org.prisonerregistry.common.NotFoundException;
import org.prisonerregistry.common.PageRequest;
import org.prisonerregistry.common.StaleVersionException;
import org.prisonerregistry.common.Violations;
import org.prisonerregistry.crypto.SearchNormaliser;
import org.prisonerregistry.detainee.DetaineeInputs.CaseloadInput;
import org.prisonerregistry.detainee.DetaineeInputs.CreateDetaineeInput;
import org.prisonerregistry.detainee.DetaineeInputs.EraseDetaineeInput;
import org.prisonerregistry.detainee.DetaineeInputs.NationalIdInput;
import org.prisonerregistry.detainee.DetaineeInputs.RecognitionInput;
import org.prisonerregistry.detainee.DetaineeInputs.UpdateDetaineeInput;
import org.prisonerregistry.identity.CurrentCaller;
import org.prisonerregistry.identity.Role;
import org.prisonerregistry.keys.SubjectKeyService;
import org.prisonerregistry.reference.ReferenceDataService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Detainees: registration, personal data, caseloads and recognitions. */
@Service
@Transactional(readOnly = true)
public class DetaineeService {

    static final String CURSOR_KIND = "detainee";

    private final DetaineeRepository detainees;
    private final ReferenceDataService reference;
    private final CurrentCaller caller;
    private final SubjectKeyService keys;
    // Looked up when erasing, not at start: the packages that implement it depend on this service.
    private final ObjectProvider<DetaineeRecordsErasure> otherRecords;

    DetaineeService(DetaineeRepository detainees, ReferenceDataService reference, CurrentCaller caller,
                    SubjectKeyService keys, ObjectProvider<DetaineeRecordsErasure> otherRecords) {
        this.detainees = detainees;
        this.reference = reference;
        this.caller = caller;
        this.keys = keys;
        this.otherRecords = otherRecords;
    }

    /** The detainee, if the caller's scope reaches it; one out of scope is as absent as one that never was. */
    public Detainee get(UUID id) {
        return detainees.byId(id, scope()).orElseThrow(() -> new NotFoundException("detainee", id));
    }

    /**
     * The country of the detainee's detention, if the caller's scope reaches them: from its clear
     * column, for features that need no personal data (and so decrypt none).
     */
    public String countryOf(UUID id) {
        return detainees.countryOf(id, scope()).orElseThrow(() -> new NotFoundException("detainee", id));
    }

    /**
     * Fails with NOT_FOUND unless the detainee exists within the caller's scope, and refuses an erased
     * person, whose new records would hold personal data again; for features that attach records to a person.
     */
    public void requireExists(UUID id) {
        boolean erased = detainees.erased(id, scope()).orElseThrow(() -> new NotFoundException("detainee", id));
        if (erased) {
            throw new InvalidInputException("input.detaineeId", "is an erased person: no new records can be attached");
        }
    }

    /**
     * The detainee in the caller's scope whose identity document has this number (a RUT in any usual
     * spelling, or another document's number), or null. Should the same document be registered twice
     * within the scope, the first registered (lowest public code) is answered.
     */
    public Detainee byNationalId(String number) {
        new Violations().requiredText("nationalId", number, 64).throwIfAny();
        return detainees.byNationalId(number, scope()).stream().findFirst().orElse(null);
    }

    /** Whether the caller's scope reaches this detainee, for records reached by their own id (a detention, a case). */
    public boolean isReachable(UUID detaineeId) {
        return detainees.existsById(detaineeId, scope());
    }

    private DetaineeScope scope() {
        return DetaineeScope.of(caller.get());
    }

    public Connection<Detainee> page(DetaineeFilter filter, PageRequest page) {
        DetaineeFilter f = filter == null ? DetaineeFilter.NONE : filter;
        checkNameFilter(f);
        List<Detainee> rows = detainees.page(f, scope(), page.afterKey(), page.size() + 1);
        return Connection.fromRows(rows, page.size(), page.afterKey() != null,
                d -> PageRequest.cursor(CURSOR_KIND, d.publicCode()), f);
    }

    public int count(DetaineeFilter filter) {
        checkNameFilter(filter);
        return detainees.count(filter, scope());
    }

    /**
     * A name to search by must fold to something. Which roles may search by name (those that may read
     * the names, or the filter would answer what the field refuses) the schema's {@code @reveals}
     * declares, and the field policy enforces before this runs.
     */
    private void checkNameFilter(DetaineeFilter filter) {
        if (filter.name() == null) {
            return;
        }
        Violations v = new Violations().maxLength("filter.name", filter.name(), 300);
        if (SearchNormaliser.personName().normalise(filter.name()).isEmpty()) {
            v.add("filter.name", "is empty once spaces and accents are ignored");
        }
        v.throwIfAny();
    }

    public Map<UUID, List<UUID>> caseloadOrganisations(Collection<UUID> detaineeIds) {
        return detainees.caseloadOrganisations(detaineeIds);
    }

    public Map<UUID, List<Recognition>> recognitions(Collection<UUID> detaineeIds) {
        return detainees.recognitions(detaineeIds);
    }

    public Map<UUID, SupportStatus> supportStatus(Collection<UUID> detaineeIds) {
        return detainees.supportStatus(detaineeIds, LocalDate.now());
    }

    @Transactional
    public Detainee create(CreateDetaineeInput in) {
        LocalDate today = LocalDate.now();
        Violations v = new Violations()
                .required("input.country", in.country()).country("input.country", in.country())
                .required("input.gender", in.gender())
                .required("input.affiliation", in.affiliation());
        NationalId nationalId = checkPersonalData(v, in.fullName(), true, in.aliases(), in.nationalId(),
                in.dateOfBirth(), in.nationality(), in.region(), in.commune(), in.familyContact(), in.notes(),
                in.lastContactOn(), in.source(), today);
        List<UUID> organisations = new ArrayList<>(
                in.caseloadOrganisationIds() == null ? List.of() : in.caseloadOrganisationIds());
        ownCaseload().filter(own -> !organisations.contains(own)).ifPresent(organisations::add);
        for (int i = 0; i < organisations.size(); i++) {
            reference.checkOrganisation(v, "input.caseloadOrganisationIds[" + i + "]", organisations.get(i));
        }
        v.throwIfAny();

        OffsetDateTime now = OffsetDateTime.now();
        Detainee d = new Detainee(UUID.randomUUID(), detainees.nextPublicCode(in.country(), today.getYear()),
                in.country(), inHand(in.fullName().strip()), inHand(aliases(in.aliases())), inHand(nationalId),
                inHand(in.dateOfBirth()), in.dateOfBirth() == null ? null : in.dateOfBirth().getYear(), in.gender(),
                in.nationality(), blankToNull(in.region()), blankToNull(in.commune()), in.affiliation(),
                inHand(blankToNull(in.familyContact())), Boolean.TRUE.equals(in.consentToBeNamed()),
                inHand(blankToNull(in.notes())), in.lastContactOn(),
                blankToNull(in.source()), now, 1, null);
        detainees.insert(d);
        organisations.forEach(org -> detainees.addToCaseload(d.id(), org, today));
        return d;
    }

    @Transactional
    public Detainee update(UpdateDetaineeInput in) {
        // the merge needs every personal field in plaintext, and writes them all sealed anew
        Detainee old = detainees.byIdInHand(in.id(), scope()).orElseThrow(() -> new NotFoundException("detainee", in.id()));
        if (old.erasedAt() != null) {
            throw new InvalidInputException("input.id", "is an erased person: personal data cannot be recorded again");
        }
        if (old.version() != in.version()) {
            throw new StaleVersionException("detainee", in.id(), in.version());
        }
        Violations v = new Violations();
        if (isNullGiven(in.gender())) {
            v.add("input.gender", "cannot be cleared");
        }
        if (isNullGiven(in.affiliation())) {
            v.add("input.affiliation", "cannot be cleared");
        }
        if (isNullGiven(in.consentToBeNamed())) {
            v.add("input.consentToBeNamed", "cannot be cleared");
        }
        String fullName = pick(in.fullName(), old.fullName().open());
        List<String> aliases = in.aliases().isOmitted() ? old.aliases().open() : aliases(in.aliases().value());
        NationalId oldNationalId = old.nationalId().open();
        NationalIdInput nationalIdInput = in.nationalId().isOmitted()
                ? (oldNationalId == null ? null : new NationalIdInput(oldNationalId.kind(), oldNationalId.number()))
                : in.nationalId().value();
        LocalDate dateOfBirth = pick(in.dateOfBirth(), old.dateOfBirth().open());
        String nationality = pick(in.nationality(), old.nationality());
        String region = pick(in.region(), old.region());
        String commune = pick(in.commune(), old.commune());
        String familyContact = pick(in.familyContact(), old.familyContact().open());
        String notes = pick(in.notes(), old.notes().open());
        LocalDate lastContactOn = pick(in.lastContactOn(), old.lastContactOn());
        String source = pick(in.source(), old.source());
        NationalId nationalId = checkPersonalData(v, fullName, false, aliases, nationalIdInput, dateOfBirth,
                nationality, region, commune, familyContact, notes, lastContactOn, source, LocalDate.now());
        v.throwIfAny();

        Detainee changed = new Detainee(old.id(), old.publicCode(), old.country(), inHand(fullName.strip()), inHand(aliases),
                inHand(nationalId), inHand(dateOfBirth), dateOfBirth == null ? null : dateOfBirth.getYear(),
                pick(in.gender(), old.gender()), nationality, blankToNull(region), blankToNull(commune),
                pick(in.affiliation(), old.affiliation()), inHand(blankToNull(familyContact)),
                pick(in.consentToBeNamed(), old.consentToBeNamed()), inHand(blankToNull(notes)), lastContactOn,
                blankToNull(source), old.recordedAt(), old.version() + 1, null);
        if (!detainees.update(changed)) {
            throw new StaleVersionException("detainee", in.id(), in.version());
        }
        return changed;
    }

    /**
     * Erases a person in one transaction: their data keys are destroyed (crypto-shredding: every
     * ciphertext of theirs, here and in backups taken under master keys since purged, is noise),
     * their encrypted fields here and in every other package are cleared, and their blind indexes
     * go. The row stays, anonymous, for statistics, unless {@code dropRecord} asks to delete every
     * row of the person. Erasing an erased person again changes nothing unless it drops the record.
     */
    @Transactional
    public Erasure erase(EraseDetaineeInput in) {
        if (!caller.get().hasRole(Role.ADMIN)) {
            throw new ForbiddenException("Only an administrator erases a person");
        }
        new Violations().required("input.id", in.id()).required("input.reason", in.reason()).throwIfAny();
        DetaineeRepository.ErasureTarget target = detainees.lockForErasure(in.id())
                .orElseThrow(() -> new NotFoundException("detainee", in.id()));
        boolean drop = Boolean.TRUE.equals(in.dropRecord());
        if (target.erasedAt() != null && !drop) {
            return new Erasure(in.id(), target.publicCode(), target.erasedAt(), target.reason(), false, 0);
        }
        int destroyed = keys.destroy(in.id());
        OffsetDateTime now = OffsetDateTime.now();
        if (drop) {
            otherRecords.orderedStream().forEach(records -> records.deleteRows(in.id()));
            detainees.delete(in.id());
        } else {
            otherRecords.orderedStream().forEach(records -> records.clearEncryptedFields(in.id()));
            detainees.erase(in.id(), in.reason(), now);
        }
        return new Erasure(in.id(), target.publicCode(), now, in.reason(), drop, destroyed);
    }

    /**
     * A coordinator registers people into their own organisation's caseload, or they would vanish
     * from the coordinator's view the moment they were created.
     */
    private Optional<UUID> ownCaseload() {
        var who = caller.get();
        if (!who.hasRole(Role.COORDINATOR) || who.hasRole(Role.ADMIN)) {
            return Optional.empty();
        }
        if (who.organisation() == null) {
            throw new ForbiddenException("Your token names no organisation, so there is no caseload to register people into");
        }
        return Optional.of(reference.organisationByCode(who.organisation())
                .orElseThrow(() -> new ForbiddenException("Your token's organisation is not known to the registry"))
                .id());
    }

    /** A coordinator acts for their own organisation only; ADMIN manages every organisation's records. */
    private void requireOwnOrganisationUnlessAdmin(UUID organisationId, String refusal) {
        if (!caller.get().hasRole(Role.ADMIN) && !ownCaseload().map(own -> own.equals(organisationId)).orElse(false)) {
            throw new ForbiddenException(refusal);
        }
    }

    @Transactional
    public Detainee addToCaseload(CaseloadInput in) {
        Detainee d = get(in.detaineeId());
        requireOwnOrganisationUnlessAdmin(in.organisationId(),
                "A coordinator adds people only to their own organisation's caseload");
        Violations v = new Violations();
        reference.checkOrganisation(v, "input.organisationId", in.organisationId());
        v.notInFuture("input.since", in.since(), LocalDate.now()).throwIfAny();
        detainees.addToCaseload(d.id(), in.organisationId(), in.since() == null ? LocalDate.now() : in.since());
        return d;
    }

    @Transactional
    public Recognition recognise(RecognitionInput in) {
        requireExists(in.detaineeId());
        requireOwnOrganisationUnlessAdmin(in.organisationId(),
                "A coordinator records recognitions only in the name of their own organisation");
        Violations v = new Violations()
                .required("input.recognisedOn", in.recognisedOn())
                .notInFuture("input.recognisedOn", in.recognisedOn(), LocalDate.now())
                .maxLength("input.source", in.source(), 500);
        reference.checkOrganisation(v, "input.organisationId", in.organisationId());
        v.throwIfAny();
        if (detainees.recognised(in.detaineeId(), in.organisationId())) {
            throw new InvalidInputException("input.organisationId", "has already recognised this detainee");
        }
        Recognition r = new Recognition(UUID.randomUUID(), in.detaineeId(), in.organisationId(), in.recognisedOn(),
                blankToNull(in.source()), OffsetDateTime.now());
        detainees.insert(r);
        return r;
    }

    /** Validates the personal data shared by create and update; returns the identity document in normal form. */
    private static NationalId checkPersonalData(Violations v, String fullName, boolean creating, List<String> aliases,
                                                NationalIdInput nationalId, LocalDate dateOfBirth, String nationality,
                                                String region, String commune, String familyContact, String notes,
                                                LocalDate lastContactOn, String source, LocalDate today) {
        v.requiredText("input.fullName", fullName, 300)
                .country("input.nationality", nationality)
                .maxLength("input.region", region, 100)
                .maxLength("input.commune", commune, 100)
                .maxLength("input.familyContact", familyContact, 500)
                .maxLength("input.notes", notes, 10_000)
                .maxLength("input.source", source, 500)
                .notInFuture("input.dateOfBirth", dateOfBirth, today)
                .notInFuture("input.lastContactOn", lastContactOn, today);
        if (dateOfBirth != null && dateOfBirth.isBefore(today.minusYears(120))) {
            v.add("input.dateOfBirth", "is more than 120 years ago");
        }
        if (aliases != null) {
            for (int i = 0; i < aliases.size(); i++) {
                String alias = aliases.get(i);
                v.requiredText("input.aliases[" + i + "]", alias, 200);
                if (alias != null && alias.contains("\n")) {
                    v.add("input.aliases[" + i + "]", "must be on one line");
                }
            }
            if (aliases.size() > 20) {
                v.add("input.aliases", "has more than 20 entries");
            }
        }
        if (nationalId == null) {
            return null;
        }
        v.required("input.nationalId.kind", nationalId.kind()).requiredText("input.nationalId.number", nationalId.number(), 64);
        if (nationalId.kind() == NationalIdKind.CL_RUT && nationalId.number() != null) {
            var rut = ChileanRut.normalise(nationalId.number());
            if (rut.isEmpty()) {
                v.add("input.nationalId.number", "is not a valid RUT: the check digit does not match or the form is wrong");
                return null;
            }
            return new NationalId(NationalIdKind.CL_RUT, rut.get());
        }
        return nationalId.number() == null ? null : new NationalId(nationalId.kind(), nationalId.number().strip());
    }

    private static List<String> aliases(List<String> given) {
        return given == null ? List.of() : given.stream().map(String::strip).toList();
    }
}
