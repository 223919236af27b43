package org.prisonerregistry.solidarity;

import static org.prisonerregistry.common.Inputs.blankToNull;
import static org.prisonerregistry.common.Inputs.isNullGiven;
import static org.prisonerregistry.common.Inputs.pick;
import static org.prisonerregistry.keys.Sealed.inHand;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.prisonerregistry.common.NotFoundException;
import org.prisonerregistry.common.StaleVersionException;
import org.prisonerregistry.common.Violations;
import org.prisonerregistry.detainee.DetaineeService;
import org.prisonerregistry.reference.ReferenceDataService;
import org.prisonerregistry.solidarity.SolidarityInputs.EndSponsorshipInput;
import org.prisonerregistry.solidarity.SolidarityInputs.RecordDisbursementInput;
import org.prisonerregistry.solidarity.SolidarityInputs.RecordNeedInput;
import org.prisonerregistry.solidarity.SolidarityInputs.RecordSponsorshipInput;
import org.prisonerregistry.solidarity.SolidarityInputs.UpdateNeedInput;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The support a detainee receives: needs, sponsorships and the payments made for them. */
@Service
@Transactional(readOnly = true)
public class SolidarityService {

    static final int MAX_DESCRIPTION = 5_000;

    /** The columns are numeric(12, 2): ten digits before the point, two after. */
    private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("10000000000");
    private static final int AMOUNT_SCALE = 2;

    private static final Pattern CURRENCY_FORM = Pattern.compile("[A-Z]{3}");
    private static final Set<String> ISO_4217 = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private final SupportNeedRepository needs;
    private final SponsorshipRepository sponsorships;
    private final DisbursementRepository disbursements;
    private final DetaineeService detainees;
    private final ReferenceDataService reference;

    SolidarityService(SupportNeedRepository needs, SponsorshipRepository sponsorships,
                      DisbursementRepository disbursements, DetaineeService detainees, ReferenceDataService reference) {
        this.needs = needs;
        this.sponsorships = sponsorships;
        this.disbursements = disbursements;
        this.detainees = detainees;
        this.reference = reference;
    }

    public Map<UUID, List<SupportNeed>> needsByDetainees(Collection<UUID> detaineeIds) {
        return needs.byDetainees(detaineeIds);
    }

    public Map<UUID, List<Sponsorship>> sponsorshipsByDetainees(Collection<UUID> detaineeIds) {
        return sponsorships.byDetainees(detaineeIds);
    }

    public Map<UUID, Sponsorship> sponsorshipsByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : sponsorships.byIds(ids);
    }

    public Map<UUID, List<Disbursement>> disbursementsByDetainees(Collection<UUID> detaineeIds) {
        return disbursements.byDetainees(detaineeIds);
    }

    public Map<UUID, List<MoneyTotal>> disbursementTotalsByDetainees(Collection<UUID> detaineeIds) {
        return disbursements.totalsByDetainees(detaineeIds);
    }

    @Transactional
    public SupportNeed recordNeed(RecordNeedInput in) {
        detainees.requireExists(in.detaineeId());
        LocalDate today = LocalDate.now();
        new Violations()
                .required("input.category", in.category())
                .maxLength("input.description", in.description(), MAX_DESCRIPTION)
                .notInFuture("input.recordedOn", in.recordedOn(), today)
                .throwIfAny();
        SupportNeed n = new SupportNeed(UUID.randomUUID(), in.detaineeId(), in.category(), inHand(blankToNull(in.description())),
                in.status() == null ? NeedStatus.OPEN : in.status(),
                in.recordedOn() == null ? today : in.recordedOn(), OffsetDateTime.now(), 1);
        needs.insert(n);
        return n;
    }

    @Transactional
    public SupportNeed updateNeed(UpdateNeedInput in) {
        SupportNeed old = needs.lockById(in.id()).filter(need -> detainees.isReachable(need.detaineeId()))
                .orElseThrow(() -> new NotFoundException("support need", in.id()));
        if (old.version() != in.version()) {
            throw new StaleVersionException("support need", in.id(), in.version());
        }
        Violations v = new Violations();
        if (in.status().isOmitted() && in.description().isOmitted()) {
            v.add("input", "changes nothing: give a status, a description or both");
        }
        if (isNullGiven(in.status())) {
            v.add("input.status", "cannot be cleared");
        }
        String description = pick(in.description(), old.description().open());
        v.maxLength("input.description", description, MAX_DESCRIPTION).throwIfAny();

        SupportNeed changed = new SupportNeed(old.id(), old.detaineeId(), old.category(), inHand(blankToNull(description)),
                pick(in.status(), old.status()), old.recordedOn(), old.recordedAt(), old.version() + 1);
        if (!needs.update(changed)) {
            throw new StaleVersionException("support need", in.id(), in.version());
        }
        return changed;
    }

    @Transactional
    public Sponsorship recordSponsorship(RecordSponsorshipInput in) {
        detainees.requireExists(in.detaineeId());
        Violations v = new Violations()
                .required("input.sponsorId", in.sponsorId())
                .required("input.startsOn", in.startsOn())
                .notBefore("input.endsOn", in.endsOn(), "the start of the sponsorship", in.startsOn());
        reference.checkOrganisation(v, "input.sponsorId", in.sponsorId());
        checkAmount(v, "input.monthlyAmount", in.monthlyAmount(), true);
        checkCurrency(v, "input.currency", in.currency());
        v.throwIfAny();
        Sponsorship s = new Sponsorship(UUID.randomUUID(), in.detaineeId(), in.sponsorId(), in.startsOn(), in.endsOn(),
                money(in.monthlyAmount()), in.currency(), OffsetDateTime.now(), 1);
        sponsorships.insert(s);
        return s;
    }

    /**
     * Sets the last day of a sponsorship that has not ended yet; a planned end may be moved. The end
     * may not fall before a payment already made under the sponsorship, which would leave that
     * payment outside its period.
     */
    @Transactional
    public Sponsorship endSponsorship(EndSponsorshipInput in) {
        Sponsorship s = sponsorships.lockById(in.id()).filter(found -> detainees.isReachable(found.detaineeId()))
                .orElseThrow(() -> new NotFoundException("sponsorship", in.id()));
        if (s.version() != in.version()) {
            throw new StaleVersionException("sponsorship", in.id(), in.version());
        }
        Violations v = new Violations()
                .required("input.endsOn", in.endsOn())
                .notBefore("input.endsOn", in.endsOn(), "the start of the sponsorship", s.startsOn());
        if (s.endsOn() != null && s.endsOn().isBefore(LocalDate.now())) {
            v.add("input.id", "names a sponsorship that has already ended");
        }
        disbursements.lastPaidOnUnder(s.id()).ifPresent(last ->
                v.notBefore("input.endsOn", in.endsOn(), "a disbursement paid under this sponsorship", last));
        v.throwIfAny();
        if (!sponsorships.end(s.id(), s.version(), in.endsOn())) {
            throw new StaleVersionException("sponsorship", in.id(), in.version());
        }
        return new Sponsorship(s.id(), s.detaineeId(), s.sponsorId(), s.startsOn(), in.endsOn(), s.monthlyAmount(),
                s.currency(), s.recordedAt(), s.version() + 1);
    }

    @Transactional
    public Disbursement recordDisbursement(RecordDisbursementInput in) {
        detainees.requireExists(in.detaineeId());
        Violations v = new Violations()
                .required("input.paidById", in.paidById())
                .required("input.paidOn", in.paidOn())
                .notInFuture("input.paidOn", in.paidOn(), LocalDate.now())
                .required("input.category", in.category());
        reference.checkOrganisation(v, "input.paidById", in.paidById());
        checkAmount(v, "input.amount", in.amount(), false);
        checkCurrency(v, "input.currency", in.currency());
        if (in.sponsorshipId() != null) {
            // Locked against a concurrent endSponsorship, which checks the payments made under it.
            // Another detainee's sponsorship is answered like an unknown one, so an id reveals nothing.
            var sponsorship = sponsorships.shareLockById(in.sponsorshipId())
                    .filter(s -> s.detaineeId().equals(in.detaineeId()));
            if (sponsorship.isEmpty()) {
                v.add("input.sponsorshipId", "names no sponsorship of this detainee");
            } else if (in.paidOn() != null && !sponsorship.get().covers(in.paidOn())) {
                v.add("input.paidOn", "is outside the period of the sponsorship");
            }
        }
        v.throwIfAny();
        Disbursement d = new Disbursement(UUID.randomUUID(), in.detaineeId(), in.paidById(), in.sponsorshipId(),
                in.paidOn(), money(in.amount()), in.currency(), in.category(), OffsetDateTime.now());
        disbursements.insert(d);
        return d;
    }

    private static void checkAmount(Violations v, String field, BigDecimal amount, boolean zeroAllowed) {
        v.required(field, amount);
        if (amount == null) {
            return;
        }
        if (zeroAllowed) {
            v.notNegative(field, amount);
        } else {
            v.positive(field, amount);
        }
        if (amount.stripTrailingZeros().scale() > AMOUNT_SCALE) {
            v.add(field, "has more than " + AMOUNT_SCALE + " decimals");
        }
        if (amount.compareTo(AMOUNT_LIMIT) >= 0) {
            v.add(field, "must be less than 10,000,000,000");
        }
    }

    /** Stored amounts carry two decimals, so what a mutation returns matches what a later read gives. */
    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(AMOUNT_SCALE, RoundingMode.UNNECESSARY);
    }

    private static void checkCurrency(Violations v, String field, String code) {
        v.required(field, code).currency(field, code);
        // Three capital letters is the form; the JDK's list of ISO 4217 codes decides whether one exists.
        if (code != null && CURRENCY_FORM.matcher(code).matches() && !ISO_4217.contains(code)) {
            v.add(field, "is not an ISO 4217 currency code");
        }
    }
}
