package org.prisonerregistry.legal;

import static org.prisonerregistry.common.Inputs.blankToNull;
import static org.prisonerregistry.common.Inputs.isNullGiven;
import static org.prisonerregistry.common.Inputs.pick;
import static org.prisonerregistry.keys.Sealed.inHand;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.prisonerregistry.common.InvalidInputException;
import org.prisonerregistry.common.NotFoundException;
import org.prisonerregistry.common.StaleVersionException;
import org.prisonerregistry.common.Violations;
import org.prisonerregistry.detainee.Detainee;
import org.prisonerregistry.detainee.DetaineeService;
import org.prisonerregistry.legal.LegalInputs.AddChargeInput;
import org.prisonerregistry.legal.LegalInputs.OpenCaseInput;
import org.prisonerregistry.legal.LegalInputs.RecordChargeOutcomeInput;
import org.prisonerregistry.legal.LegalInputs.RecordHearingInput;
import org.prisonerregistry.legal.LegalInputs.RecordSentenceInput;
import org.prisonerregistry.legal.LegalInputs.UpdateCaseInput;
import org.prisonerregistry.reference.LegalProvision;
import org.prisonerregistry.reference.ReferenceDataService;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Criminal cases and what happens in them: charges and their outcomes, hearings and sentences.
 * Every change is validated in full before anything is written, inside one transaction.
 */
@Service
@Transactional(readOnly = true)
public class CaseService {

    /** A sentence may count time in custody before it was imposed, but not decades of it. */
    private static final int MAX_YEARS_CREDITED_BEFORE_IMPOSITION = 10;
    /** Hearings are scheduled months ahead, not years: a later date is almost surely a typing error. */
    private static final int MAX_YEARS_AHEAD_FOR_HEARING = 2;
    /** numeric(14, 2): twelve digits before the decimal point. */
    private static final int FINE_INTEGER_DIGITS = 12;

    private final CaseRepository cases;
    private final DetaineeService detainees;
    private final ReferenceDataService reference;

    CaseService(CaseRepository cases, DetaineeService detainees, ReferenceDataService reference) {
        this.cases = cases;
        this.detainees = detainees;
        this.reference = reference;
    }

    /** The case, if the caller's scope reaches the person it is against. */
    public CourtCase get(UUID id) {
        return cases.byId(id).filter(this::reachable).orElseThrow(() -> new NotFoundException("case", id));
    }

    private boolean reachable(CourtCase c) {
        return detainees.isReachable(c.detaineeId());
    }

    public Map<UUID, List<CourtCase>> byDetainees(Collection<UUID> detaineeIds) {
        return cases.byDetainees(detaineeIds);
    }

    public Map<UUID, List<Charge>> charges(Collection<UUID> caseIds) {
        return cases.chargesOf(caseIds);
    }

    public Map<UUID, List<Hearing>> hearings(Collection<UUID> caseIds) {
        return cases.hearingsOf(caseIds);
    }

    public Map<UUID, List<Sentence>> sentences(Collection<UUID> caseIds) {
        return cases.sentencesOf(caseIds);
    }

    /** The person a case is against; cases reached from a detainee never come here (see CaseController). */
    public Detainee detaineeOf(UUID detaineeId) {
        return detainees.get(detaineeId);
    }

    @Transactional
    public CourtCase open(OpenCaseInput in) {
        String detaineeCountry = detainees.countryOf(in.detaineeId());
        String country = in.country() == null ? detaineeCountry : in.country();
        Violations v = new Violations().country("input.country", in.country());
        CaseNumbers numbers = checkCase(v, country, in.court(), in.ruc(), in.rit(), in.caseNumber(), in.prosecutor(),
                in.legalNotes(), in.source());
        v.throwIfAny();

        CourtCase c = new CourtCase(UUID.randomUUID(), in.detaineeId(), country, in.court().strip(), inHand(numbers.ruc()),
                inHand(numbers.rit()), inHand(blankToNull(in.caseNumber())), blankToNull(in.prosecutor()),
                in.stage() == null ? CaseStage.INVESTIGATION : in.stage(), inHand(blankToNull(in.legalNotes())),
                blankToNull(in.source()), OffsetDateTime.now(), 1);
        cases.insert(c);
        return c;
    }

    @Transactional
    public CourtCase update(UpdateCaseInput in) {
        CourtCase old = cases.lockById(in.id()).filter(this::reachable)
                .orElseThrow(() -> new NotFoundException("case", in.id()));
        if (old.version() != in.version()) {
            throw new StaleVersionException("case", in.id(), in.version());
        }
        Violations v = new Violations();
        if (isNullGiven(in.stage())) {
            v.add("input.stage", "cannot be cleared");
        }
        String court = pick(in.court(), old.court());
        String caseNumber = pick(in.caseNumber(), old.caseNumber().open());
        String prosecutor = pick(in.prosecutor(), old.prosecutor());
        String legalNotes = pick(in.legalNotes(), old.legalNotes().open());
        String source = pick(in.source(), old.source());
        CaseNumbers numbers = checkCase(v, old.country(), court, pick(in.ruc(), old.ruc().open()), pick(in.rit(), old.rit().open()),
                caseNumber, prosecutor, legalNotes, source);
        v.throwIfAny();

        CourtCase changed = new CourtCase(old.id(), old.detaineeId(), old.country(), court.strip(), inHand(numbers.ruc()),
                inHand(numbers.rit()), inHand(blankToNull(caseNumber)), blankToNull(prosecutor),
                in.stage().isPresent() ? in.stage().value() : old.stage(), inHand(blankToNull(legalNotes)),
                blankToNull(source), old.recordedAt(), old.version() + 1);
        if (!cases.update(changed)) {
            throw new StaleVersionException("case", in.id(), in.version());
        }
        return changed;
    }

    @Transactional
    public Charge addCharge(AddChargeInput in) {
        CourtCase c = get(in.caseId());
        Violations v = new Violations()
                .requiredText("input.legalProvisionCode", in.legalProvisionCode(), 64)
                .maxLength("input.source", in.source(), 500);
        LegalProvision provision = provision(v, "input.legalProvisionCode", in.legalProvisionCode());
        if (provision != null && !provision.country().equals(c.country())) {
            v.add("input.legalProvisionCode", "is a provision of another country than the case's");
        }
        v.throwIfAny();

        Charge charge = new Charge(UUID.randomUUID(), c.id(), provision.id(),
                in.outcome() == null ? ChargeOutcome.PENDING : in.outcome(), blankToNull(in.source()),
                OffsetDateTime.now(), 1);
        cases.insert(charge);
        return charge;
    }

    @Transactional
    public Charge recordChargeOutcome(RecordChargeOutcomeInput in) {
        Charge old = cases.lockCharge(in.chargeId())
                .filter(charge -> cases.byId(charge.caseId()).filter(this::reachable).isPresent())
                .orElseThrow(() -> new NotFoundException("charge", in.chargeId()));
        if (old.version() != in.version()) {
            throw new StaleVersionException("charge", in.chargeId(), in.version());
        }
        new Violations()
                .required("input.outcome", in.outcome())
                .maxLength("input.source", in.source(), 500)
                .throwIfAny();

        Charge changed = new Charge(old.id(), old.caseId(), old.provisionId(), in.outcome(),
                in.source() == null ? old.source() : blankToNull(in.source()), old.recordedAt(), old.version() + 1);
        if (!cases.updateOutcome(changed)) {
            throw new StaleVersionException("charge", in.chargeId(), in.version());
        }
        return changed;
    }

    @Transactional
    public Hearing recordHearing(RecordHearingInput in) {
        CourtCase c = get(in.caseId());
        LocalDate today = LocalDate.now();
        Violations v = new Violations()
                .required("input.heldOn", in.heldOn())
                .required("input.kind", in.kind())
                .maxLength("input.outcome", in.outcome(), 1000)
                .maxLength("input.source", in.source(), 500);
        if (in.heldOn() != null && in.heldOn().isAfter(today.plusYears(MAX_YEARS_AHEAD_FOR_HEARING))) {
            v.add("input.heldOn", "is more than " + MAX_YEARS_AHEAD_FOR_HEARING + " years ahead");
        }
        if (in.heldOn() != null && in.heldOn().isAfter(today) && !isBlank(in.outcome())) {
            v.add("input.outcome", "cannot be known before the hearing is held");
        }
        // A detention-control hearing reviews an arrest, so it cannot precede every arrest. Other kinds
        // can: a person may be summoned and formalised before, or without, being detained.
        if (in.kind() == HearingKind.DETENTION_CONTROL) {
            v.notBefore("input.heldOn", in.heldOn(), "the person's first arrest", firstArrest(c));
        }
        v.throwIfAny();

        Hearing h = new Hearing(UUID.randomUUID(), c.id(), in.heldOn(), in.kind(), blankToNull(in.outcome()),
                blankToNull(in.source()), OffsetDateTime.now());
        cases.insert(h);
        return h;
    }

    /**
     * Records a sentence. Custody periods are deliberately left as they are: whether and when a
     * sentence starts to be served (appeals, credit for pre-trial detention, transfers) is recorded
     * with the detention mutations, so that one fact is never written in two places.
     */
    @Transactional
    public Sentence recordSentence(RecordSentenceInput in) {
        CourtCase c = get(in.caseId());
        LocalDate today = LocalDate.now();
        int years = in.termYears() == null ? 0 : in.termYears();
        int months = in.termMonths() == null ? 0 : in.termMonths();
        int days = in.termDays() == null ? 0 : in.termDays();
        Violations v = new Violations()
                .required("input.imposedOn", in.imposedOn())
                .notInFuture("input.imposedOn", in.imposedOn(), today)
                .notBefore("input.imposedOn", in.imposedOn(), "the person's first arrest", firstArrest(c))
                .maxLength("input.court", in.court(), 300)
                .required("input.regime", in.regime())
                .range("input.termYears", years, 0, 99)
                .range("input.termMonths", months, 0, 11)
                .range("input.termDays", days, 0, 366)
                .currency("input.fineCurrency", blankToNull(in.fineCurrency()))
                .maxLength("input.source", in.source(), 500);
        checkTerm(v, in.regime(), years, months, days);
        checkFine(v, in.regime(), in.fineAmount(), in.fineCurrency());
        if (in.startsOn() != null && in.imposedOn() != null
                && in.startsOn().isBefore(in.imposedOn().minusYears(MAX_YEARS_CREDITED_BEFORE_IMPOSITION))) {
            v.add("input.startsOn", "is more than " + MAX_YEARS_CREDITED_BEFORE_IMPOSITION
                    + " years before input.imposedOn");
        }
        v.throwIfAny();

        Sentence s = new Sentence(UUID.randomUUID(), c.id(), in.imposedOn(),
                isBlank(in.court()) ? c.court() : in.court().strip(), years, months, days, in.regime(), in.startsOn(),
                in.fineAmount() == null ? null : in.fineAmount().setScale(2, RoundingMode.UNNECESSARY),
                blankToNull(in.fineCurrency()),
                in.appealStatus() == null ? AppealStatus.NOT_APPEALED : in.appealStatus(), blankToNull(in.source()),
                OffsetDateTime.now(), 1);
        cases.insert(s);
        return s;
    }

    /** Case numbers in normal form, once they passed {@link #checkCase}. */
    private record CaseNumbers(String ruc, String rit) {}

    /** Validates the fields shared by opening and updating a case; returns the Chilean numbers in normal form. */
    private static CaseNumbers checkCase(Violations v, String country, String court, String ruc, String rit,
                                         String caseNumber, String prosecutor, String legalNotes, String source) {
        v.requiredText("input.court", court, 300)
                .maxLength("input.ruc", ruc, 32)
                .maxLength("input.rit", rit, 32)
                .maxLength("input.caseNumber", caseNumber, 64)
                .maxLength("input.prosecutor", prosecutor, 300)
                .maxLength("input.legalNotes", legalNotes, 20_000)
                .maxLength("input.source", source, 500);
        String normalRuc = chileanNumber(v, "input.ruc", ruc, country, ChileanCaseNumbers.ruc(ruc),
                "is not a RUC of the form 1910012345-6");
        String normalRit = chileanNumber(v, "input.rit", rit, country, ChileanCaseNumbers.rit(rit),
                "is not a RIT of the form O-1234-2020 or RIT 1234-2020");
        return new CaseNumbers(normalRuc, normalRit);
    }

    private static String chileanNumber(Violations v, String field, String given, String country,
                                        Optional<String> normal, String malformed) {
        if (isBlank(given)) {
            return null;
        }
        if (!"CL".equals(country)) {
            v.add(field, "is a Chilean case number: use caseNumber for a case in another country");
            return null;
        }
        if (normal.isEmpty()) {
            v.add(field, malformed);
            return null;
        }
        return normal.get();
    }

    private static void checkTerm(Violations v, SentenceRegime regime, int years, int months, int days) {
        boolean noTerm = years == 0 && months == 0 && days == 0;
        if (regime == SentenceRegime.FINE_ONLY) {
            if (!noTerm) {
                v.add("input.regime", "is FINE_ONLY, but a term of years, months or days is given");
            }
        } else if (regime != null && noTerm) {
            v.add("input.termYears", "with termMonths and termDays is zero: only a FINE_ONLY sentence has no term");
        }
    }

    private static void checkFine(Violations v, SentenceRegime regime, BigDecimal amount, String currency) {
        v.positive("input.fineAmount", amount);
        if (amount != null && amount.stripTrailingZeros().scale() > 2) {
            v.add("input.fineAmount", "has more than two decimal places");
        }
        if (amount != null && amount.precision() - amount.scale() > FINE_INTEGER_DIGITS) {
            v.add("input.fineAmount", "has more than " + FINE_INTEGER_DIGITS + " digits before the decimal point");
        }
        if (amount != null && isBlank(currency)) {
            v.add("input.fineCurrency", "is required with a fine amount");
        }
        if (amount == null && !isBlank(currency)) {
            v.add("input.fineAmount", "is required with a fine currency");
        }
        if (amount == null && regime == SentenceRegime.FINE_ONLY) {
            v.add("input.fineAmount", "is required for a FINE_ONLY sentence");
        }
    }

    /** The provision with this code, or null after adding a violation if there is none. */
    private LegalProvision provision(Violations v, String field, String code) {
        if (isBlank(code) || code.length() > 64) {
            return null;
        }
        try {
            return reference.requireLegalProvision(field, code.strip());
        } catch (InvalidInputException unknown) {
            unknown.violations().forEach(violation -> v.add(violation.field(), violation.reason()));
            return null;
        }
    }

    private LocalDate firstArrest(CourtCase c) {
        return cases.firstArrestOf(c.detaineeId()).orElse(null);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
