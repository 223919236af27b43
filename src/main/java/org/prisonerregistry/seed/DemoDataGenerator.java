package org.prisonerregistry.seed;

import static org.prisonerregistry.seed.DemoReferenceData.BY_CAMPAIGN;
import static org.prisonerregistry.seed.DemoReferenceData.BY_FAMILIES;
import static org.prisonerregistry.seed.DemoReferenceData.BY_FUND;
import static org.prisonerregistry.seed.DemoReferenceData.BY_LAWYERS;
import static org.prisonerregistry.seed.DemoReferenceData.BY_PRISONER_WATCH;
import static org.prisonerregistry.seed.DemoReferenceData.BY_UNION;
import static org.prisonerregistry.seed.DemoReferenceData.CL_FAMILIES;
import static org.prisonerregistry.seed.DemoReferenceData.CL_FOUNDATION;
import static org.prisonerregistry.seed.DemoReferenceData.CL_LAWYERS_18O;
import static org.prisonerregistry.seed.DemoReferenceData.CL_OBSERVERS;
import static org.prisonerregistry.seed.DemoReferenceData.CL_POPULAR_DEFENCE;
import static org.prisonerregistry.seed.DemoReferenceData.COLONY_1;
import static org.prisonerregistry.seed.DemoReferenceData.COLONY_15;
import static org.prisonerregistry.seed.DemoReferenceData.COLONY_17;
import static org.prisonerregistry.seed.DemoReferenceData.COLONY_3;
import static org.prisonerregistry.seed.DemoReferenceData.COLONY_4_WOMEN;
import static org.prisonerregistry.seed.DemoReferenceData.COLONY_9;
import static org.prisonerregistry.seed.DemoReferenceData.CPF_SANTIAGO;
import static org.prisonerregistry.seed.DemoReferenceData.MAHILIOU_PRISON;
import static org.prisonerregistry.seed.DemoReferenceData.OKRESTINA;
import static org.prisonerregistry.seed.DemoReferenceData.SANTIAGO_1;
import static org.prisonerregistry.seed.DemoReferenceData.SANTIAGO_SUR;
import static org.prisonerregistry.seed.DemoReferenceData.VALADARKA;
import static org.prisonerregistry.seed.DemoReferenceData.ZHODZINA;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.prisonerregistry.detainee.ChileanRut;
import org.prisonerregistry.seed.DemoBatch.LawyerAssignmentRow;
import org.prisonerregistry.seed.DemoBatch.CaseRow;
import org.prisonerregistry.seed.DemoBatch.CaseloadRow;
import org.prisonerregistry.seed.DemoBatch.ChargeRow;
import org.prisonerregistry.seed.DemoBatch.CustodyPeriodRow;
import org.prisonerregistry.seed.DemoBatch.DefenderRow;
import org.prisonerregistry.seed.DemoBatch.DetaineeRow;
import org.prisonerregistry.seed.DemoBatch.DetentionRow;
import org.prisonerregistry.seed.DemoBatch.DisbursementRow;
import org.prisonerregistry.seed.DemoBatch.HearingRow;
import org.prisonerregistry.seed.DemoBatch.RecognitionRow;
import org.prisonerregistry.seed.DemoBatch.SentenceRow;
import org.prisonerregistry.seed.DemoBatch.SponsorshipRow;
import org.prisonerregistry.seed.DemoBatch.SupportNeedRow;
import org.prisonerregistry.seed.DemoBatch.ThreatRow;
import org.prisonerregistry.seed.DemoVocabulary.Region;
import org.prisonerregistry.seed.DemoVocabulary.Surname;

/**
 * Invents detainees with their detentions, cases, support and the defenders who work for them,
 * from a seed: the same seed, ids salt and references give the same rows, call for call.
 *
 * <p>About 62% are people detained in Chile's revolt of October 2019, 38% political prisoners in
 * Belarus after August 2020. Custody follows the registry's rules: periods follow each other
 * without gaps (a change closes one period and opens the next on the same day), exactly one is
 * open, and a release opens a released period and sets the detention's release date. No date
 * passes {@code asOf}, a fixed day, so the data does not depend on when it is generated.
 */
final class DemoDataGenerator {

    /** The day the demo world stands still: early enough to be in the past wherever this runs. */
    static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);
    /** Marks every generated fact as invented. */
    static final String SOURCE = "Synthetic demo data";

    private static final double CHILE_SHARE = 0.62;
    private static final LocalDate ANTI_BARRICADES_LAW_IN_FORCE = LocalDate.of(2020, 1, 30);
    private static final LocalDate BELARUS_PARDONS_FROM = LocalDate.of(2024, 7, 3);

    private static final String POLICE_CUSTODY = "POLICE_CUSTODY";
    private static final String PRETRIAL = "PRETRIAL_DETENTION";
    private static final String HOUSE_ARREST_TOTAL = "HOUSE_ARREST_TOTAL";
    private static final String HOUSE_ARREST_NIGHT = "HOUSE_ARREST_NIGHT";
    private static final String SERVING_SENTENCE = "SERVING_SENTENCE";
    private static final String RELEASED_AWAITING_TRIAL = "RELEASED_AWAITING_TRIAL";
    private static final String RELEASED = "RELEASED";

    /** How a case ends (or has not ended yet). */
    private enum Disposition { PENDING, DROPPED, ACQUITTED, NON_CUSTODIAL, PRISON, HOUSE_ARREST }

    /** A term of years, months and days, as courts pronounce it. */
    private record Term(int years, int months, int days) {
        LocalDate from(LocalDate start) {
            return start.plusYears(years).plusMonths(months).plusDays(days);
        }
    }

    /** Given names and surnames; {@code secondSurname} is the Chilean maternal surname, null in Belarus. */
    private record PersonName(String given, String surname, String secondSurname, String fullName) {}

    // Chile: arrests from 18 October 2019 to March 2020, most of them in the first weeks.
    private static final Weighted<LocalDate[]> CHILE_ARREST_WINDOWS = new Weighted<LocalDate[]>()
            .add(window("2019-10-18", "2019-10-31"), 45).add(window("2019-11-01", "2019-11-30"), 25)
            .add(window("2019-12-01", "2019-12-31"), 12).add(window("2020-01-01", "2020-01-31"), 8)
            .add(window("2020-02-01", "2020-02-29"), 5).add(window("2020-03-01", "2020-03-31"), 5);
    // Belarus: the post-election crackdown of August 2020 and the prosecutions that never stopped.
    private static final Weighted<LocalDate[]> BELARUS_ARREST_WINDOWS = new Weighted<LocalDate[]>()
            .add(window("2020-08-09", "2020-08-12"), 15).add(window("2020-08-13", "2020-12-31"), 25)
            .add(window("2021-01-01", "2021-12-31"), 27).add(window("2022-01-01", "2022-12-31"), 16)
            .add(window("2023-01-01", "2023-12-31"), 9).add(window("2024-01-01", "2025-06-30"), 5)
            .add(window("2025-07-01", "2026-06-30"), 3);

    private static final Weighted<String> CHILE_GENDERS = new Weighted<String>()
            .add("MALE", 83).add("FEMALE", 15).add("NON_BINARY", 1).add("UNDISCLOSED", 1);
    private static final Weighted<String> BELARUS_GENDERS = new Weighted<String>()
            .add("MALE", 87).add("FEMALE", 12).add("UNDISCLOSED", 1);
    private static final Weighted<int[]> CHILE_AGES = new Weighted<int[]>()
            .add(new int[] {15, 17}, 6).add(new int[] {18, 22}, 34).add(new int[] {23, 29}, 28)
            .add(new int[] {30, 39}, 20).add(new int[] {40, 49}, 8).add(new int[] {50, 64}, 4);
    private static final Weighted<int[]> BELARUS_AGES = new Weighted<int[]>()
            .add(new int[] {18, 24}, 14).add(new int[] {25, 34}, 33).add(new int[] {35, 49}, 36)
            .add(new int[] {50, 64}, 14).add(new int[] {65, 72}, 3);

    private static final Weighted<String> CHILE_YOUNG_AFFILIATIONS = new Weighted<String>()
            .add("STUDENT", 70).add("WORKER", 15).add("UNEMPLOYED", 5).add("ARTIST", 3)
            .add("POLITICAL_ACTIVIST", 3).add("OTHER", 2).add("UNKNOWN", 2);
    private static final Weighted<String> CHILE_ADULT_AFFILIATIONS = new Weighted<String>()
            .add("WORKER", 45).add("UNEMPLOYED", 10).add("STUDENT", 8).add("POLITICAL_ACTIVIST", 8)
            .add("ARTIST", 5).add("TRADE_UNIONIST", 4).add("JOURNALIST", 2).add("HUMAN_RIGHTS_DEFENDER", 2)
            .add("INDIGENOUS_LEADER", 1).add("OTHER", 6).add("UNKNOWN", 6);
    private static final Weighted<String> BELARUS_YOUNG_AFFILIATIONS = new Weighted<String>()
            .add("STUDENT", 55).add("WORKER", 25).add("POLITICAL_ACTIVIST", 8).add("ARTIST", 4)
            .add("OTHER", 4).add("UNKNOWN", 4);
    private static final Weighted<String> BELARUS_ADULT_AFFILIATIONS = new Weighted<String>()
            .add("WORKER", 40).add("POLITICAL_ACTIVIST", 14).add("TRADE_UNIONIST", 4).add("JOURNALIST", 4)
            .add("HUMAN_RIGHTS_DEFENDER", 3).add("ARTIST", 5).add("UNEMPLOYED", 5).add("STUDENT", 2)
            .add("OTHER", 12).add("UNKNOWN", 11);

    private static final Weighted<String> FOREIGN_NATIONALITIES_IN_CHILE = new Weighted<String>()
            .add("VE", 50).add("PE", 20).add("CO", 15).add("BO", 10).add("AR", 5);

    private static final Weighted<String> CHILE_CHARGES = new Weighted<String>()
            .add("CL-CP-269", 30).add("CL-LEY-21208", 10).add("CL-LEY-12927-ART6", 10)
            .add("CL-LEY-17798-ART14D", 12).add("CL-CP-474", 8).add("CL-CP-436", 10).add("CL-CP-416BIS", 12)
            .add("CL-CP-268BIS", 5).add("CL-LEY-12927-ART4", 2).add("CL-LEY-17798-ART9", 2).add("CL-LEY-18314", 1);
    private static final Weighted<String> BELARUS_CHARGES = new Weighted<String>()
            .add("BY-CC-342", 40).add("BY-CC-361-1", 10).add("BY-CC-361-4", 8).add("BY-CC-293", 8)
            .add("BY-CC-130", 6).add("BY-CC-368", 8).add("BY-CC-369", 8).add("BY-CC-356", 2).add("BY-CC-363", 5)
            .add("BY-CC-364", 5);

    private static final Weighted<Disposition> CHILE_DISPOSITIONS = new Weighted<Disposition>()
            .add(Disposition.DROPPED, 12).add(Disposition.ACQUITTED, 12).add(Disposition.NON_CUSTODIAL, 38)
            .add(Disposition.PRISON, 22).add(Disposition.HOUSE_ARREST, 5).add(Disposition.PENDING, 11);
    private static final Weighted<Disposition> BELARUS_DISPOSITIONS = new Weighted<Disposition>()
            .add(Disposition.PRISON, 80).add(Disposition.HOUSE_ARREST, 10).add(Disposition.NON_CUSTODIAL, 8)
            .add(Disposition.DROPPED, 2);

    private static final Weighted<String> CHILE_NON_CUSTODIAL_REGIMES = new Weighted<String>()
            .add("SUPERVISED_RELEASE", 35).add("PROBATION", 20).add("SUSPENDED", 15).add("COMMUNITY_SERVICE", 15)
            .add("FINE_ONLY", 15);
    // 541 days, a frequent Chilean term, is written as 1 year 5 months 24 days: the schema keeps days below a year.
    private static final Weighted<Term> CHILE_NON_CUSTODIAL_TERMS = new Weighted<Term>()
            .add(new Term(0, 0, 61), 30).add(new Term(0, 0, 300), 25).add(new Term(1, 5, 24), 30)
            .add(new Term(3, 0, 1), 15);
    private static final Weighted<Term> CHILE_PRISON_TERMS = new Weighted<Term>()
            .add(new Term(1, 5, 24), 20).add(new Term(3, 0, 1), 35).add(new Term(4, 0, 0), 10)
            .add(new Term(5, 0, 1), 25).add(new Term(7, 0, 0), 6).add(new Term(10, 0, 1), 4);
    private static final Weighted<Term> CHILE_HOUSE_ARREST_TERMS = new Weighted<Term>()
            .add(new Term(0, 0, 300), 50).add(new Term(1, 5, 24), 50);
    private static final Weighted<Term> BELARUS_PRISON_TERMS = new Weighted<Term>()
            .add(new Term(1, 0, 0), 8).add(new Term(1, 6, 0), 8).add(new Term(2, 0, 0), 12).add(new Term(2, 6, 0), 6)
            .add(new Term(3, 0, 0), 15).add(new Term(3, 6, 0), 4).add(new Term(4, 0, 0), 8).add(new Term(5, 0, 0), 8)
            .add(new Term(6, 0, 0), 7).add(new Term(7, 0, 0), 4).add(new Term(8, 0, 0), 4).add(new Term(10, 0, 0), 4)
            .add(new Term(12, 0, 0), 2).add(new Term(15, 0, 0), 2);
    private static final Weighted<Term> BELARUS_RESTRICTED_FREEDOM_TERMS = new Weighted<Term>()
            .add(new Term(1, 0, 0), 30).add(new Term(1, 6, 0), 20).add(new Term(2, 0, 0), 30).add(new Term(3, 0, 0), 20);
    private static final Weighted<String> BELARUS_COLONIES_FOR_MEN = new Weighted<String>()
            .add(COLONY_1, 15).add(COLONY_3, 20).add(COLONY_9, 20).add(COLONY_15, 20).add(COLONY_17, 20)
            .add(ZHODZINA, 3).add(MAHILIOU_PRISON, 2);
    // An appeal is PENDING only while its hearing lies after the demo's day (see appealStage).
    private static final Weighted<String> CHILE_APPEALS = new Weighted<String>()
            .add("NOT_APPEALED", 60).add("UPHELD", 22).add("REDUCED", 13).add("OVERTURNED", 5);
    private static final Weighted<String> BELARUS_APPEALS = new Weighted<String>()
            .add("UPHELD", 64).add("NOT_APPEALED", 32).add("REDUCED", 4);

    private static final Weighted<String> NEED_CATEGORIES = new Weighted<String>()
            .add("LEGAL_DEFENCE", 35).add("BASIC_NEEDS", 25).add("HEALTH", 12).add("PSYCHOLOGICAL", 10)
            .add("FAMILY", 12).add("EDUCATION", 6);
    private static final Weighted<String> SPONSORED_PAYMENTS = new Weighted<String>()
            .add("BASIC_NEEDS", 50).add("LAWYER_FEES", 20).add("HEALTH", 10).add("FAMILY_TRAVEL", 10)
            .add("FINES_AND_BONDS", 10);
    private static final Weighted<String> CASE_PAYMENTS = new Weighted<String>()
            .add("LAWYER_FEES", 30).add("FINES_AND_BONDS", 15).add("LABORATORY_ANALYSIS", 15)
            .add("EXPERT_REPORTS", 15).add("BASIC_NEEDS", 20).add("OTHER", 5);
    private static final Weighted<String> BELARUS_CURRENCIES = new Weighted<String>()
            .add("BYN", 60).add("EUR", 30).add("USD", 10);

    private static final Weighted<String> DEFENDER_KINDS = new Weighted<String>()
            .add("LAWYER", 75).add("HUMAN_RIGHTS_DEFENDER", 15).add("FAMILY_REPRESENTATIVE", 10);
    private static final Weighted<String> CHILE_RISK = new Weighted<String>()
            .add("LOW", 35).add("MEDIUM", 40).add("HIGH", 20).add("CRITICAL", 5);
    private static final Weighted<String> BELARUS_RISK = new Weighted<String>()
            .add("LOW", 10).add("MEDIUM", 30).add("HIGH", 40).add("CRITICAL", 20);
    private static final Weighted<String> CHILE_THREATS = new Weighted<String>()
            .add("DEATH_THREAT", 20).add("HARASSMENT", 25).add("SURVEILLANCE", 10).add("SMEAR_CAMPAIGN", 20)
            .add("PHYSICAL_ATTACK", 5).add("DIGITAL_ATTACK", 10).add("JUDICIAL_HARASSMENT", 5).add("OTHER", 5);
    private static final Weighted<String> BELARUS_THREATS = new Weighted<String>()
            .add("DEATH_THREAT", 5).add("HARASSMENT", 20).add("SURVEILLANCE", 20).add("SMEAR_CAMPAIGN", 15)
            .add("PHYSICAL_ATTACK", 3).add("DIGITAL_ATTACK", 12).add("JUDICIAL_HARASSMENT", 22).add("OTHER", 3);
    private static final Map<String, Weighted<String>> THREAT_CHANNELS = Map.of(
            "DEATH_THREAT", new Weighted<String>().add("PHONE", 30).add("SOCIAL_MEDIA", 30).add("MESSAGING_APP", 30)
                    .add("LETTER", 10),
            "HARASSMENT", new Weighted<String>().add("IN_PERSON", 50).add("PHONE", 25).add("SOCIAL_MEDIA", 25),
            "SURVEILLANCE", new Weighted<String>().add("IN_PERSON", 80).add("OTHER", 20),
            "SMEAR_CAMPAIGN", new Weighted<String>().add("PRESS", 50).add("SOCIAL_MEDIA", 50),
            "PHYSICAL_ATTACK", new Weighted<String>().add("IN_PERSON", 1),
            "DIGITAL_ATTACK", new Weighted<String>().add("EMAIL", 40).add("MESSAGING_APP", 30).add("SOCIAL_MEDIA", 30),
            "JUDICIAL_HARASSMENT", new Weighted<String>().add("LETTER", 60).add("OTHER", 40),
            "OTHER", new Weighted<String>().add("OTHER", 1));
    private static final Map<String, String> CHILE_THREAT_TEXTS = Map.of(
            "DEATH_THREAT", "Mensaje anónimo con amenazas de muerte después de una audiencia.",
            "HARASSMENT", "Seguimiento y hostigamiento a la salida del tribunal.",
            "SURVEILLANCE", "Vehículo sin identificación apostado frente a la oficina del colectivo.",
            "SMEAR_CAMPAIGN", "Campaña en redes y medios que la acusa de «defender delincuentes».",
            "PHYSICAL_ATTACK", "Empujones y golpes de desconocidos durante una manifestación.",
            "DIGITAL_ATTACK", "Intentos de acceso a su correo y a su cuenta de mensajería.",
            "JUDICIAL_HARASSMENT", "Denuncia infundada en su contra ante el Colegio de Abogados.",
            "OTHER", "Robo de documentos del caso en su oficina.");
    private static final Map<String, String> BELARUS_THREAT_TEXTS = Map.of(
            "DEATH_THREAT", "Anonymous messages threatening death after a hearing.",
            "HARASSMENT", "Summoned again and again to 'preventive talks' at the police.",
            "SURVEILLANCE", "Followed by plain-clothes officers after visiting a client.",
            "SMEAR_CAMPAIGN", "Called an 'accomplice of extremists' on a state TV channel.",
            "PHYSICAL_ATTACK", "Assaulted by unidentified men near home.",
            "DIGITAL_ATTACK", "Phone seized and searched at the border.",
            "JUDICIAL_HARASSMENT", "Licence revoked by the Ministry of Justice after defending political prisoners.",
            "OTHER", "Relatives questioned about the defender's work.");
    private static final List<String> CHILE_FOLLOW_UPS = List.of("Denuncia presentada en la Fiscalía; sin avances.",
            "Se informó al INDH y a la CIDH.", "Acompañamiento psicológico y plan de seguridad.");
    private static final List<String> BELARUS_FOLLOW_UPS = List.of(
            "Documented and sent to the UN Special Rapporteur on Belarus.",
            "Security plan updated; relocation discussed.",
            "No complaint filed: reporting would increase the risk.");

    private static final Map<String, String> CHILE_NEEDS = Map.of(
            "LEGAL_DEFENCE", "Necesita abogado para el juicio oral.",
            "BASIC_NEEDS", "Encomiendas con alimentos y útiles de aseo.",
            "HEALTH", "Control médico por lesiones sufridas en la detención.",
            "PSYCHOLOGICAL", "Apoyo psicológico después de la detención.",
            "FAMILY", "Apoyo a la familia con el arriendo.",
            "EDUCATION", "Libros y materiales para continuar sus estudios.");
    private static final Map<String, String> BELARUS_NEEDS = Map.of(
            "LEGAL_DEFENCE", "Needs a lawyer for the appeal.",
            "BASIC_NEEDS", "Parcels with food, warm clothes and hygiene items.",
            "HEALTH", "Needs medication for a chronic condition.",
            "PSYCHOLOGICAL", "Psychological support after release.",
            "FAMILY", "Support for the children's school costs.",
            "EDUCATION", "Books and course materials in the colony.");
    private static final Map<String, String> NICKNAMES = Map.ofEntries(
            Map.entry("Francisco", "Pancho"), Map.entry("Ignacio", "Nacho"), Map.entry("Sebastián", "Seba"),
            Map.entry("José", "Pepe"), Map.entry("Tomás", "Tomi"), Map.entry("Constanza", "Coni"),
            Map.entry("Camila", "Cami"), Map.entry("Fernanda", "Feña"), Map.entry("Javiera", "Javi"),
            Map.entry("Francisca", "Fran"), Map.entry("Valentina", "Vale"), Map.entry("Catalina", "Cata"),
            Map.entry("María José", "Cote"), Map.entry("Aliaksandr", "Sasha"), Map.entry("Dzmitry", "Dzima"),
            Map.entry("Aliaksei", "Lyosha"), Map.entry("Mikalai", "Kolya"), Map.entry("Ivan", "Vanya"),
            Map.entry("Yauhen", "Zhenya"), Map.entry("Maryia", "Masha"), Map.entry("Volha", "Olya"),
            Map.entry("Tatsiana", "Tanya"), Map.entry("Katsiaryna", "Katya"), Map.entry("Nastassia", "Nastya"),
            Map.entry("Sviatlana", "Sveta"));

    private static final Set<String> FEMALE_RELATIONS = Set.of("Madre", "Hermana", "Abuela", "Tía", "Mother", "Wife",
            "Sister", "Daughter");
    private static final Set<String> PARTNERS = Set.of("Pareja", "Partner");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_A_TO_Z = Pattern.compile("[^a-z]");

    private final RandomGenerator random;
    private final RandomGenerator idRandom;
    private final DemoReferences refs;
    private final LocalDate asOf;
    private final List<UUID> chileLawyers = new ArrayList<>();
    private final Map<UUID, String> lawyerOrganisations = new HashMap<>();
    private final List<UUID> belarusLawyers = new ArrayList<>();

    /**
     * @param seed   decides every value but the ids
     * @param idSalt mixed into the ids, so that a second run with the same seed into the same
     *               database adds new rows instead of colliding with the first run's ids
     */
    DemoDataGenerator(long seed, long idSalt, DemoReferences refs, LocalDate asOf) {
        this.random = new SplittableRandom(seed);
        this.idRandom = new SplittableRandom(mix(mix(idSalt) + seed));
        this.refs = refs;
        this.asOf = asOf;
    }

    /** A few hundred defenders for 100,000 detainees, and never fewer than a handful. */
    static int defenderCountFor(int detainees) {
        return Math.max(6, Math.min(400, detainees / 300));
    }

    /** Defenders and threats against them; the lawyers among them take the cases generated afterwards. */
    DemoBatch defenders(int count) {
        DemoBatch out = DemoBatch.empty();
        for (int i = 0; i < count; i++) {
            // The first two are lawyers, one per country, so that both countries' cases can be assigned.
            boolean chile = i == 0 || (i != 1 && chance(CHILE_SHARE));
            String kind = i < 2 ? "LAWYER" : DEFENDER_KINDS.pick(random);
            String organisation = switch (kind) {
                case "LAWYER" -> chile ? (random.nextBoolean() ? CL_POPULAR_DEFENCE : CL_LAWYERS_18O) : BY_LAWYERS;
                case "HUMAN_RIGHTS_DEFENDER" -> chile ? CL_OBSERVERS : BY_PRISONER_WATCH;
                default -> chile ? CL_FAMILIES : BY_FAMILIES;
            };
            PersonName name = name(chile, random.nextBoolean() ? "FEMALE" : "MALE", false);
            String risk = (chile ? CHILE_RISK : BELARUS_RISK).pick(random);
            String measures = risk.equals("HIGH") || risk.equals("CRITICAL")
                    ? pick(chile ? DemoVocabulary.CHILE_PROTECTIVE_MEASURES : DemoVocabulary.BELARUS_PROTECTIVE_MEASURES)
                    : null;
            LocalDate since = chile ? day("2019-10-19", "2020-03-31") : day("2020-08-10", "2021-12-31");
            UUID defenderId = id();
            // Demo lawyers log in, so that a newcomer can mint a lawyer's token and see their clients.
            String loginSubject = kind.equals("LAWYER") ? "demo-lawyer-" + defenderId.toString().substring(0, 8) : null;
            DefenderRow defender = new DefenderRow(defenderId, refs.organisation(organisation), name.fullName(), kind,
                    loginSubject, email(name), risk, measures, recordedAt(since));
            out.defenders().add(defender);
            if (kind.equals("LAWYER")) {
                (chile ? chileLawyers : belarusLawyers).add(defender.id());
                lawyerOrganisations.put(defender.id(), organisation);
            }
            threats(defender, chile, risk, out);
        }
        return out;
    }

    private void threats(DefenderRow defender, boolean chile, String risk, DemoBatch out) {
        int count = switch (risk) {
            case "LOW" -> chance(0.3) ? 1 : 0;
            case "MEDIUM" -> between(0, 2);
            case "HIGH" -> between(1, 3);
            default -> between(2, 5);
        };
        for (int i = 0; i < count; i++) {
            String kind = (chile ? CHILE_THREATS : BELARUS_THREATS).pick(random);
            LocalDate on = chile ? day("2019-10-20", "2022-12-31") : day("2020-08-15", "2025-06-30");
            out.threats().add(new ThreatRow(id(), defender.id(), on, kind, THREAT_CHANNELS.get(kind).pick(random),
                    (chile ? CHILE_THREAT_TEXTS : BELARUS_THREAT_TEXTS).get(kind),
                    chance(chile ? 0.45 : 0.05),
                    chance(0.6) ? pick(chile ? CHILE_FOLLOW_UPS : BELARUS_FOLLOW_UPS) : null,
                    SOURCE, recordedAt(on)));
        }
    }

    /** One detainee, with everything that hangs off them, per public-code number. */
    DemoBatch detainees(long[] publicCodeNumbers) {
        DemoBatch out = DemoBatch.empty();
        for (long number : publicCodeNumbers) {
            detainee(number, out);
        }
        return out;
    }

    private void detainee(long codeNumber, DemoBatch out) {
        boolean chile = chance(CHILE_SHARE);
        Region region = chile ? pickRegion(DemoVocabulary.CHILE_REGIONS) : pickRegion(DemoVocabulary.BELARUS_REGIONS);
        String gender = (chile ? CHILE_GENDERS : BELARUS_GENDERS).pick(random);
        LocalDate arrested = chile ? chileArrestDay() : belarusArrestDay();
        int[] ages = (chile ? CHILE_AGES : BELARUS_AGES).pick(random);
        int age = between(ages[0], ages[1]);
        int birthYear = arrested.getYear() - age;
        LocalDate born = LocalDate.ofYearDay(birthYear, between(1, LocalDate.ofYearDay(birthYear, 1).lengthOfYear()));
        boolean mapucheRegion = region.name().equals("La Araucanía") || region.name().equals("Biobío");
        String affiliation = affiliation(chile, age, mapucheRegion);
        PersonName name = name(chile, gender, mapucheRegion && chance(0.25));

        UUID detaineeId = id();
        String country = chile ? "CL" : "BY";
        List<UUID> lawyers = new ArrayList<>();
        DetentionRow first = chile ? chileDetention(detaineeId, region, gender, affiliation, arrested, lawyers, out)
                : belarusDetention(detaineeId, region, gender, affiliation, arrested, lawyers, out);
        DetentionRow last = first;
        if (first.releasedOn() != null && chance(chile ? 0.05 : 0.06)) {
            LocalDate again = secondArrest(chile, first.releasedOn());
            if (again != null) {
                last = chile ? chileDetention(detaineeId, region, gender, affiliation, again, lawyers, out)
                        : belarusDetention(detaineeId, region, gender, affiliation, again, lawyers, out);
            }
        }
        LocalDate releasedOn = last.releasedOn();

        String nationality = chile ? (chance(0.03) ? FOREIGN_NATIONALITIES_IN_CHILE.pick(random) : "CL")
                : (chance(0.97) ? "BY" : (random.nextBoolean() ? "RU" : "UA"));
        String[] nationalId = nationalId(country, nationality, region, birthYear);
        double dateOfBirthKnown = random.nextDouble();
        LocalDate dateOfBirth = dateOfBirthKnown < 0.88 ? born : null;
        Integer knownBirthYear = dateOfBirthKnown < 0.95 ? birthYear : null;
        LocalDate lastContact = chance(0.9) ? (releasedOn == null ? asOf.minusDays(between(0, 60))
                : min(releasedOn.plusDays(between(0, 365)), asOf)) : null;
        OffsetDateTime recorded = recordedAt(arrested);
        OffsetDateTime updated = lastContact == null || !lastContact.isAfter(recorded.toLocalDate()) ? recorded
                : OffsetDateTime.of(lastContact, LocalTime.of(between(8, 21), between(0, 59)), ZoneOffset.UTC);
        String alias = chance(0.3) ? NICKNAMES.get(name.given()) : null;
        out.detainees().add(new DetaineeRow(detaineeId,
                "%s-%d-%06d".formatted(country, arrested.getYear(), codeNumber), country, name.fullName(), alias,
                nationalId[0], nationalId[1], dateOfBirth, knownBirthYear, gender, nationality, region.name(),
                pick(region.communes()), affiliation, chance(0.8) ? familyContact(chile, name, gender) : null,
                chance(chile ? 0.25 : 0.35),
                chance(0.35) ? pick(chile ? DemoVocabulary.CHILE_NOTES : DemoVocabulary.BELARUS_NOTES) : null,
                lastContact, SOURCE, recorded, updated));

        Set<String> caseload = caseload(chile, affiliation, lawyers);
        LocalDate since = min(arrested.plusDays(between(0, 45)), asOf);
        caseload.forEach(code -> out.caseloads().add(new CaseloadRow(detaineeId, refs.organisation(code), since)));
        recognitions(detaineeId, chile, arrested, out);
        supportNeeds(detaineeId, chile, arrested, releasedOn, out);
        UUID paidBy = refs.organisation(caseload.iterator().next());
        support(detaineeId, chile, arrested, releasedOn, paidBy, out);
    }

    // ---- Chile ----------------------------------------------------------------------------

    private DetentionRow chileDetention(UUID detaineeId, Region region, String gender, String affiliation,
                                        LocalDate arrested, List<UUID> lawyers, DemoBatch out) {
        UUID detentionId = id();
        Timeline t = new Timeline(detentionId, arrested, POLICE_CUSTODY, null);
        LocalDate control = arrested.plusDays(chance(0.8) ? 1 : 2);
        // Usually one hearing controls the arrest and formalises; sometimes the detention is extended to formalise later.
        boolean extended = chance(0.15);
        LocalDate formalised = extended ? control.plusDays(3) : control;
        Disposition disposition = CHILE_DISPOSITIONS.pick(random);
        LocalDate verdict = disposition == Disposition.PENDING ? asOf.plusDays(between(30, 400))
                : control.plusDays(logNormal(420, 0.55, 90, 1800));
        boolean mustStayHeld = disposition == Disposition.PRISON || disposition == Disposition.HOUSE_ARREST;
        List<HearingRow> hearings = new ArrayList<>();
        UUID caseId = id();

        boolean remanded = mustStayHeld || chance(0.88);
        String measures = remanded ? "se decreta prisión preventiva."
                : "queda en libertad con arraigo nacional y firma mensual.";
        if (extended) {
            hearing(hearings, caseId, control, "DETENTION_CONTROL",
                    "Detención declarada legal; se amplía la detención por tres días para formalizar.");
            hearing(hearings, caseId, formalised, "FORMALISATION", "Se formaliza la investigación y " + measures);
        } else {
            hearing(hearings, caseId, control, "DETENTION_CONTROL",
                    "Detención declarada legal. Se formaliza la investigación y " + measures);
        }
        if (!remanded) {
            t.change(RELEASED_AWAITING_TRIAL, null, formalised);
        } else {
            UUID remandFacility = chileRemandFacility(region, gender);
            t.change(PRETRIAL, remandFacility, formalised);
            // Those who end up serving a custodial sentence stay deprived of liberty until the verdict.
            boolean heldToVerdict = mustStayHeld || (disposition != Disposition.PENDING && chance(0.15));
            LocalDate holdUntil = heldToVerdict ? verdict
                    : min(formalised.plusDays(logNormal(100, 0.8, 14, 600)), verdict.minusDays(1));
            long heldDays = ChronoUnit.DAYS.between(formalised, holdUntil);
            if (heldDays > 20 && chance(0.2)) {
                UUID other = chileTransferFacility(remandFacility, gender);
                if (other != null) {
                    t.change(PRETRIAL, other, formalised.plusDays(between(7, (int) heldDays / 2)));
                }
            }
            if (heldDays > 30 && chance(heldToVerdict ? 0.15 : 0.35)) {
                LocalDate houseArrest = formalised.plusDays(between((int) heldDays / 2, (int) heldDays - 5));
                if (t.change(HOUSE_ARREST_TOTAL, null, houseArrest)) {
                    hearing(hearings, caseId, houseArrest, "PRECAUTIONARY_MEASURES_REVIEW",
                            "Se sustituye la prisión preventiva por arresto domiciliario total.");
                }
                long left = ChronoUnit.DAYS.between(houseArrest, holdUntil);
                if (left > 20 && chance(0.35)) {
                    LocalDate night = houseArrest.plusDays(between(10, (int) left - 5));
                    if (t.change(HOUSE_ARREST_NIGHT, null, night)) {
                        hearing(hearings, caseId, night, "PRECAUTIONARY_MEASURES_REVIEW",
                                "Se modifica a arresto domiciliario nocturno.");
                    }
                }
            } else if (heldDays > 60 && chance(0.5)) {
                LocalDate review = formalised.plusDays(between(30, (int) heldDays - 10));
                hearing(hearings, caseId, review, "PRECAUTIONARY_MEASURES_REVIEW", "Se mantiene la prisión preventiva.");
            }
            if (!heldToVerdict && t.change(RELEASED_AWAITING_TRIAL, null, holdUntil)) {
                hearing(hearings, caseId, holdUntil, "PRECAUTIONARY_MEASURES_REVIEW",
                        "Se revocan las medidas cautelares privativas de libertad; queda sujeto a firma mensual.");
            }
        }

        // The verdict and what follows it for the person's liberty.
        Term term = null;
        String sentenceRegime = null;
        if (disposition == Disposition.NON_CUSTODIAL) {
            sentenceRegime = CHILE_NON_CUSTODIAL_REGIMES.pick(random);
            term = sentenceRegime.equals("FINE_ONLY") ? new Term(0, 0, 0) : CHILE_NON_CUSTODIAL_TERMS.pick(random);
        } else if (disposition == Disposition.PRISON) {
            sentenceRegime = "EFFECTIVE_PRISON";
            term = CHILE_PRISON_TERMS.pick(random);
        } else if (disposition == Disposition.HOUSE_ARREST) {
            sentenceRegime = "HOUSE_ARREST";
            term = CHILE_HOUSE_ARREST_TERMS.pick(random);
        }
        if (disposition != Disposition.PENDING && !t.released()) {
            LocalDate termEnds = term == null ? verdict : term.from(arrested);
            if (disposition == Disposition.PRISON && termEnds.isAfter(verdict)) {
                UUID facility = t.currentFacility() != null ? t.currentFacility() : chileRemandFacility(region, gender);
                t.change(SERVING_SENTENCE, facility, verdict);
                // Parole (libertad condicional) after two thirds for some.
                LocalDate release = chance(0.3)
                        ? arrested.plusDays(ChronoUnit.DAYS.between(arrested, termEnds) * 2 / 3) : termEnds;
                t.change(RELEASED, null, max(release, verdict.plusDays(1)));
            } else if (disposition == Disposition.HOUSE_ARREST && termEnds.isAfter(verdict)) {
                t.change(HOUSE_ARREST_NIGHT, null, verdict);
                t.change(RELEASED, null, termEnds);
            } else {
                t.change(RELEASED, null, verdict);
            }
        }

        boolean ill = chance(0.25);
        DetentionRow detention = new DetentionRow(detentionId, detaineeId, arrested, pick(region.arrestPlaces()),
                chileEvent(arrested), ill, ill && chance(0.8) ? pick(DemoVocabulary.CHILE_ILL_TREATMENT) : null,
                t.releasedOn(), SOURCE, recordedAt(arrested));
        out.detentions().add(detention);
        t.emit(out);

        // The case: formalised at or just after the control hearing, tried in the oral court or by abbreviated procedure.
        boolean decided = disposition != Disposition.PENDING && !verdict.isAfter(asOf);
        boolean oralTrial = chance(0.6);
        List<String> provisions = chileCharges(arrested, affiliation);
        String appeal = null;
        String stage;
        if (!decided) {
            boolean preparatoryHeld = !verdict.minusDays(60).isAfter(asOf) && disposition != Disposition.PENDING
                    || (disposition == Disposition.PENDING && chance(0.3));
            if (preparatoryHeld) {
                LocalDate preparatory = min(max(verdict.minusDays(60), formalised.plusDays(30)), asOf);
                hearing(hearings, caseId, preparatory, "PREPARATORY", "Auto de apertura de juicio oral.");
            }
            stage = preparatoryHeld ? "TRIAL" : "FORMALISED";
        } else if (disposition == Disposition.DROPPED) {
            hearing(hearings, caseId, verdict, "OTHER",
                    chance(0.5) ? "Sobreseimiento definitivo." : "Decisión de no perseverar en el procedimiento.");
            stage = "CLOSED";
        } else {
            if (oralTrial) {
                hearing(hearings, caseId, max(verdict.minusDays(between(30, 90)), formalised.plusDays(1)), "PREPARATORY",
                        "Auto de apertura de juicio oral.");
                hearing(hearings, caseId, verdict.minusDays(between(1, 7)), "TRIAL", "Juicio oral.");
            }
            hearing(hearings, caseId, verdict, "SENTENCING", disposition == Disposition.ACQUITTED
                    ? "Sentencia absolutoria."
                    : (oralTrial ? "" : "Procedimiento abreviado. ") + "Condena a " + termInSpanish(term) + ".");
            if (disposition == Disposition.ACQUITTED) {
                stage = "CLOSED";
            } else {
                appeal = CHILE_APPEALS.pick(random);
                if (disposition == Disposition.PRISON && appeal.equals("OVERTURNED")) {
                    appeal = "UPHELD"; // an overturned prison sentence would have ended the custody above
                }
                stage = appealStage(hearings, caseId, verdict, appeal, true);
                if (stage.equals("APPEAL")) {
                    appeal = "PENDING";
                }
            }
        }
        String court = pick(region.courts());
        CaseRow courtCase = new CaseRow(caseId, detaineeId, "CL", court, ruc(arrested), "O-%d-%d".formatted(
                between(100, 19_999), formalised.getYear()), null, pick(region.prosecutors()), stage,
                chance(0.4) ? pick(DemoVocabulary.CHILE_LEGAL_NOTES) : null, SOURCE, recordedAt(formalised));
        out.cases().add(courtCase);
        charges(caseId, provisions, disposition, decided, true, formalised, out);
        out.hearings().addAll(hearings);
        if (decided && term != null) {
            boolean custodial = sentenceRegime.equals("EFFECTIVE_PRISON") || sentenceRegime.equals("HOUSE_ARREST");
            boolean fine = sentenceRegime.equals("FINE_ONLY") || chance(0.2);
            out.sentences().add(new SentenceRow(id(), caseId, verdict, oralTrial ? region.higherCourt() : court,
                    term.years(), term.months(), term.days(), sentenceRegime, custodial ? arrested : verdict,
                    fine ? BigDecimal.valueOf(between(10, 300) * 5_000L).setScale(2) : null, fine ? "CLP" : null, appeal,
                    SOURCE, recordedAt(verdict)));
        }
        assignLawyers(detaineeId, chileLawyers, arrested, lawyers, out);
        return detention;
    }

    private UUID chileRemandFacility(Region region, String gender) {
        if (gender.equals("FEMALE") && region.name().equals("Región Metropolitana")) {
            return refs.facility("CL", CPF_SANTIAGO);
        }
        return refs.facility("CL", pick(region.remandFacilities()));
    }

    /** Santiago's remand prisons swap people; regional prisons send some to Santiago 1's high-security wing. */
    private UUID chileTransferFacility(UUID current, String gender) {
        UUID santiago1 = refs.facility("CL", SANTIAGO_1);
        UUID santiagoSur = refs.facility("CL", SANTIAGO_SUR);
        if (gender.equals("FEMALE") || current.equals(refs.facility("CL", CPF_SANTIAGO))) {
            return null;
        }
        if (current.equals(santiago1)) {
            return santiagoSur;
        }
        return current.equals(santiagoSur) || chance(0.5) ? santiago1 : null;
    }

    private LocalDate chileArrestDay() {
        LocalDate[] window = CHILE_ARREST_WINDOWS.pick(random);
        return day(window[0], window[1]);
    }

    private static String chileEvent(LocalDate day) {
        if (day.isBefore(LocalDate.of(2019, 10, 25))) {
            return "Estallido social: evasiones masivas y protestas (octubre de 2019)";
        } else if (day.equals(LocalDate.of(2019, 10, 25))) {
            return "La marcha más grande de Chile (25 de octubre de 2019)";
        } else if (day.equals(LocalDate.of(2019, 11, 12))) {
            return "Huelga general (12 de noviembre de 2019)";
        } else if (day.isBefore(LocalDate.of(2020, 1, 1))) {
            return "Protestas del estallido social (octubre a diciembre de 2019)";
        } else if (day.isBefore(LocalDate.of(2020, 2, 1))) {
            return "Protestas de enero de 2020 y boicot a la PSU";
        } else if (day.isBefore(LocalDate.of(2020, 3, 1))) {
            return "Protestas de febrero de 2020 (Festival de Viña del Mar)";
        } else if (day.isBefore(LocalDate.of(2020, 4, 1))) {
            return "Protestas de marzo de 2020 (8M y Día del Joven Combatiente)";
        } else if (day.getYear() == 2020 && day.getMonthValue() == 10) {
            return "Aniversario del estallido social (octubre de 2020)";
        }
        return "Protestas de 2020 y 2021";
    }

    private List<String> chileCharges(LocalDate arrested, String affiliation) {
        Set<String> codes = new LinkedHashSet<>();
        int count = chargeCount();
        while (codes.size() < count) {
            String code = CHILE_CHARGES.pick(random);
            // The anti-barricades law was published on 30 January 2020 and is not retroactive.
            if (!code.equals("CL-LEY-21208") || !arrested.isBefore(ANTI_BARRICADES_LAW_IN_FORCE)) {
                codes.add(code);
            }
        }
        if (affiliation.equals("INDIGENOUS_LEADER") && chance(0.3)) {
            codes.add("CL-LEY-18314");
        }
        return List.copyOf(codes);
    }

    /** A Rol Único de Causa: two digits of the year, eight digits and a modulo-11 check digit. */
    private String ruc(LocalDate arrested) {
        String body = "%02d%08d".formatted(arrested.getYear() % 100, between(1_000_000, 1_999_999));
        return body + "-" + ChileanRut.checkDigit(body);
    }

    private static String termInSpanish(Term term) {
        if (term.years() == 0 && term.months() == 0 && term.days() == 0) {
            return "pena de multa";
        }
        List<String> parts = new ArrayList<>();
        if (term.years() > 0) {
            parts.add(term.years() + (term.years() == 1 ? " año" : " años"));
        }
        if (term.months() > 0) {
            parts.add(term.months() + (term.months() == 1 ? " mes" : " meses"));
        }
        if (term.days() > 0) {
            parts.add(term.days() == 1 ? "un día" : term.days() + " días");
        }
        return String.join(" y ", parts);
    }

    // ---- Belarus --------------------------------------------------------------------------

    private DetentionRow belarusDetention(UUID detaineeId, Region region, String gender, String affiliation,
                                          LocalDate arrested, List<UUID> lawyers, DemoBatch out) {
        UUID detentionId = id();
        boolean minsk = region.name().equals("Minsk City") || (region.name().equals("Minsk Voblast") && chance(0.3));
        Timeline t = new Timeline(detentionId, arrested, POLICE_CUSTODY, minsk ? refs.facility("BY", OKRESTINA) : null);
        // Many were first given 10 to 15 days of administrative arrest, then charged while still inside.
        LocalDate charged = arrested.plusDays(chance(0.2) ? between(10, 15) : between(1, 3));
        Disposition disposition = BELARUS_DISPOSITIONS.pick(random);
        LocalDate verdict = charged.plusDays(logNormal(150, 0.45, 40, 450));
        List<HearingRow> hearings = new ArrayList<>();
        UUID caseId = id();

        double pretrial = random.nextDouble();
        boolean custodial = disposition == Disposition.PRISON || disposition == Disposition.HOUSE_ARREST;
        if (pretrial < 0.03 && !custodial) {
            t.change(RELEASED_AWAITING_TRIAL, null, charged);
        } else if (pretrial < 0.10) {
            t.change(HOUSE_ARREST_TOTAL, null, charged);
        } else {
            UUID sizo = belarusRemandFacility(region);
            t.change(PRETRIAL, sizo, charged);
            long days = ChronoUnit.DAYS.between(charged, verdict);
            if (days > 30 && chance(0.15)) {
                UUID valadarka = refs.facility("BY", VALADARKA);
                UUID other = sizo.equals(valadarka) ? refs.facility("BY", ZHODZINA) : valadarka;
                t.change(PRETRIAL, other, charged.plusDays(between(10, (int) days - 10)));
            }
        }

        Term term = null;
        String sentenceRegime = null;
        switch (disposition) {
            case PRISON -> {
                sentenceRegime = "EFFECTIVE_PRISON";
                term = BELARUS_PRISON_TERMS.pick(random);
            }
            case HOUSE_ARREST -> {
                // "Restriction of freedom" at home under police supervision, with a night curfew.
                sentenceRegime = "HOUSE_ARREST";
                term = BELARUS_RESTRICTED_FREEDOM_TERMS.pick(random);
            }
            case NON_CUSTODIAL -> {
                sentenceRegime = chance(0.6) ? "FINE_ONLY" : "SUSPENDED";
                term = sentenceRegime.equals("FINE_ONLY") ? new Term(0, 0, 0) : new Term(between(2, 3), 0, 0);
            }
            default -> {
            }
        }
        String appeal = term == null ? null : BELARUS_APPEALS.pick(random);
        if (disposition == Disposition.PRISON) {
            LocalDate termEnds = term.from(arrested);
            if (t.held()) {
                // Sentenced in the remand prison; sent to a colony once the appeal court has ruled.
                UUID sizo = t.currentFacility();
                String colony = gender.equals("FEMALE") ? COLONY_4_WOMEN : BELARUS_COLONIES_FOR_MEN.pick(random);
                LocalDate toColony = verdict.plusDays(between(30, 90));
                if (sizo != null && toColony.isBefore(termEnds)) {
                    t.change(SERVING_SENTENCE, sizo, verdict);
                    t.change(SERVING_SENTENCE, refs.facility("BY", colony), toColony);
                } else {
                    t.change(SERVING_SENTENCE, refs.facility("BY", colony), verdict);
                }
                long served = ChronoUnit.DAYS.between(toColony, termEnds);
                if (!gender.equals("FEMALE") && served > 200 && chance(0.2)) {
                    String next = chance(0.4) ? (chance(0.5) ? ZHODZINA : MAHILIOU_PRISON)
                            : BELARUS_COLONIES_FOR_MEN.pick(random);
                    UUID nextId = refs.facility("BY", next);
                    if (!nextId.equals(t.currentFacility())) {
                        t.change(SERVING_SENTENCE, nextId, toColony.plusDays(between(60, (int) served - 60)));
                    }
                }
                LocalDate release = termEnds;
                LocalDate pardonFrom = max(BELARUS_PARDONS_FROM, verdict.plusDays(180));
                if (chance(0.12) && pardonFrom.isBefore(min(termEnds, asOf))) {
                    release = day(pardonFrom, min(termEnds, asOf));
                }
                t.change(RELEASED, null, release);
            }
        } else if (disposition == Disposition.HOUSE_ARREST && t.held()) {
            t.change(HOUSE_ARREST_NIGHT, null, verdict);
            t.change(RELEASED, null, term.from(verdict));
        } else if (t.held()) {
            t.change(RELEASED, null, verdict);
        }

        boolean ill = chance(minsk && arrested.getYear() == 2020 ? 0.5 : 0.3);
        DetentionRow detention = new DetentionRow(detentionId, detaineeId, arrested, pick(region.arrestPlaces()),
                belarusEvent(arrested, affiliation, gender), ill,
                ill && chance(0.8) ? pick(DemoVocabulary.BELARUS_ILL_TREATMENT) : null, t.releasedOn(), SOURCE,
                recordedAt(arrested));
        out.detentions().add(detention);
        t.emit(out);

        boolean decided = !verdict.isAfter(asOf);
        LocalDate trialOpens = max(verdict.minusDays(between(0, 20)), charged.plusDays(1));
        List<String> provisions = belarusCharges(affiliation);
        boolean serious = provisions.contains("BY-CC-356") || provisions.contains("BY-CC-361-1")
                || provisions.contains("BY-CC-293");
        String court = serious ? region.higherCourt() : pick(region.courts());
        String stage;
        if (!decided) {
            stage = trialOpens.isAfter(asOf) ? "INVESTIGATION" : "TRIAL";
        } else if (term == null) {
            stage = "CLOSED";
        } else {
            stage = appealStage(hearings, caseId, verdict, appeal, false);
            if (stage.equals("APPEAL")) {
                appeal = "PENDING";
            }
        }
        if (!trialOpens.isAfter(asOf)) {
            hearing(hearings, caseId, trialOpens, "TRIAL",
                    chance(0.6) ? "Trial opened behind closed doors." : "Trial opened; relatives admitted.");
        }
        if (decided) {
            hearing(hearings, caseId, verdict, "SENTENCING", term == null ? "Case closed; charges dropped."
                    : "Sentenced to " + termInEnglish(term, sentenceRegime) + ".");
        }
        out.cases().add(new CaseRow(caseId, detaineeId, "BY", court, null, null,
                "1-%d/%d".formatted(between(100, 2_999), min(verdict, asOf).getYear()), pick(region.prosecutors()), stage,
                chance(0.4) ? pick(DemoVocabulary.BELARUS_LEGAL_NOTES) : null, SOURCE, recordedAt(charged)));
        charges(caseId, provisions, decided ? disposition : Disposition.PENDING, decided, false, charged, out);
        out.hearings().addAll(hearings);
        if (decided && term != null) {
            boolean fine = sentenceRegime.equals("FINE_ONLY") || chance(0.1);
            boolean custodialSentence = sentenceRegime.equals("EFFECTIVE_PRISON");
            out.sentences().add(new SentenceRow(id(), caseId, verdict, court, term.years(), term.months(), term.days(),
                    sentenceRegime, custodialSentence ? arrested : verdict,
                    fine ? BigDecimal.valueOf(between(20, 400) * 50L).setScale(2) : null, fine ? "BYN" : null, appeal, SOURCE,
                    recordedAt(verdict)));
        }
        assignLawyers(detaineeId, belarusLawyers, arrested, lawyers, out);
        return detention;
    }

    private UUID belarusRemandFacility(Region region) {
        List<String> sizos = region.remandFacilities();
        // Valadarka takes most people from Minsk; Zhodzina takes the overflow.
        String name = sizos.size() > 1 && chance(0.25) ? sizos.get(1) : sizos.getFirst();
        return refs.facility("BY", name);
    }

    private LocalDate belarusArrestDay() {
        LocalDate[] window = BELARUS_ARREST_WINDOWS.pick(random);
        return day(window[0], window[1]);
    }

    private String belarusEvent(LocalDate day, String affiliation, String gender) {
        if (day.isBefore(LocalDate.of(2020, 8, 13))) {
            return "Post-election protests (9–12 August 2020)";
        } else if (day.isBefore(LocalDate.of(2020, 9, 1))) {
            return "Peaceful protests after the presidential election (August 2020)";
        } else if (day.getYear() == 2020) {
            if (affiliation.equals("TRADE_UNIONIST") || (affiliation.equals("WORKER") && chance(0.2))) {
                return "Strike at a state enterprise (autumn 2020)";
            }
            return gender.equals("FEMALE") && chance(0.5) ? "Women's solidarity march (autumn 2020)"
                    : "Sunday march (autumn 2020)";
        } else if (!day.isBefore(LocalDate.of(2022, 2, 27)) && day.isBefore(LocalDate.of(2022, 3, 3))) {
            return "Protests against the war in Ukraine (February 2022)";
        } else if (affiliation.equals("TRADE_UNIONIST")) {
            return "Independent trade union activity";
        } else if (affiliation.equals("JOURNALIST")) {
            return "Independent journalism labelled 'extremist'";
        }
        return pick(List.of("Identified from 2020 protest footage", "Online comments labelled 'extremist'",
                "Donations to solidarity funds", "Subscription to a channel labelled 'extremist'"));
    }

    private List<String> belarusCharges(String affiliation) {
        Set<String> codes = new LinkedHashSet<>();
        if (affiliation.equals("JOURNALIST") || affiliation.equals("HUMAN_RIGHTS_DEFENDER")) {
            codes.add("BY-CC-361-1");
        }
        int count = chargeCount();
        while (codes.size() < count) {
            codes.add(BELARUS_CHARGES.pick(random));
        }
        return List.copyOf(codes);
    }

    private static String termInEnglish(Term term, String regime) {
        if (regime.equals("FINE_ONLY")) {
            return "a fine";
        }
        String length = term.years() + (term.years() == 1 ? " year" : " years")
                + (term.months() > 0 ? " " + term.months() + " months" : "");
        return switch (regime) {
            case "EFFECTIVE_PRISON" -> length + " in a penal colony";
            case "HOUSE_ARREST" -> length + " of restricted freedom at home";
            default -> length + ", suspended";
        };
    }

    // ---- Shared by both countries -----------------------------------------------------------

    private int chargeCount() {
        double r = random.nextDouble();
        return r < 0.5 ? 1 : r < 0.85 ? 2 : 3;
    }

    private void charges(UUID caseId, List<String> provisions, Disposition disposition, boolean decided, boolean chile,
                         LocalDate charged, DemoBatch out) {
        for (int i = 0; i < provisions.size(); i++) {
            String code = provisions.get(i);
            String outcome;
            if (!decided || disposition == Disposition.PENDING) {
                outcome = "PENDING";
            } else if (disposition == Disposition.DROPPED) {
                outcome = "DROPPED";
            } else if (disposition == Disposition.ACQUITTED) {
                outcome = "ACQUITTED";
            } else if (i == 0) {
                outcome = "CONVICTED";
            } else if (chile && code.startsWith("CL-LEY-12927")) {
                // State Security Act charges were often requalified as ordinary public disorder.
                outcome = chance(0.5) ? "REQUALIFIED" : "DROPPED";
            } else {
                double r = random.nextDouble();
                outcome = r < (chile ? 0.5 : 0.9) ? "CONVICTED" : r < (chile ? 0.8 : 0.95) ? "DROPPED" : "REQUALIFIED";
            }
            out.charges().add(new ChargeRow(id(), caseId, refs.provision(code), outcome, SOURCE, recordedAt(charged)));
        }
    }

    /** Records the appeal hearing if it was held, and returns the case's stage after the verdict. */
    private String appealStage(List<HearingRow> hearings, UUID caseId, LocalDate verdict, String appeal,
                               boolean chile) {
        if (appeal.equals("NOT_APPEALED")) {
            return "SENTENCED";
        }
        LocalDate heard = verdict.plusDays(between(30, 120));
        if (heard.isAfter(asOf)) {
            return "APPEAL";
        }
        String stage = appeal.equals("OVERTURNED") ? "CLOSED" : "SENTENCED";
        String outcome = switch (appeal) {
            case "UPHELD" -> chile ? "Se rechaza el recurso; se confirma la sentencia." : "Appeal dismissed; sentence upheld.";
            case "REDUCED" -> chile ? "Se acoge parcialmente el recurso; se rebaja la pena." : "Sentence reduced on appeal.";
            default -> chile ? "Se anula la sentencia." : "Sentence overturned.";
        };
        hearing(hearings, caseId, heard, "APPEAL", outcome);
        return stage;
    }

    private void hearing(List<HearingRow> hearings, UUID caseId, LocalDate on, String kind, String outcome) {
        if (!on.isAfter(asOf)) {
            hearings.add(new HearingRow(id(), caseId, on, kind, outcome, SOURCE, recordedAt(on)));
        }
    }

    /**
     * Most people have a lawyer of a collective for each case, some two; the rest are left to the
     * public defender. An assignment is per person, so a lawyer already assigned is not added again.
     */
    private void assignLawyers(UUID detaineeId, List<UUID> pool, LocalDate arrested, List<UUID> assigned, DemoBatch out) {
        if (pool.isEmpty() || !chance(0.75)) {
            return;
        }
        int count = pool.size() > 1 && chance(0.15) ? 2 : 1;
        Set<UUID> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(pick(pool));
        }
        LocalDate on = min(arrested.plusDays(between(0, 20)), asOf);
        for (UUID lawyer : chosen) {
            if (!assigned.contains(lawyer)) {
                out.lawyerAssignments().add(new LawyerAssignmentRow(id(), detaineeId, lawyer, on, recordedAt(on)));
                assigned.add(lawyer);
            }
        }
    }

    private Set<String> caseload(boolean chile, String affiliation, List<UUID> lawyers) {
        Set<String> codes = new LinkedHashSet<>();
        lawyers.forEach(l -> codes.add(lawyerOrganisations.get(l)));
        if (chile) {
            if (chance(0.6)) {
                codes.add(CL_FAMILIES);
            }
            if (chance(0.2)) {
                codes.add(CL_OBSERVERS);
            }
            if (codes.isEmpty()) {
                codes.add(CL_FAMILIES);
            }
        } else {
            if (chance(0.4)) {
                codes.add(BY_FAMILIES);
            }
            if (chance(0.5)) {
                codes.add(BY_PRISONER_WATCH);
            }
            if (affiliation.equals("TRADE_UNIONIST")) {
                codes.add(BY_UNION);
            }
            if (codes.isEmpty()) {
                codes.add(BY_PRISONER_WATCH);
            }
        }
        return codes;
    }

    private void recognitions(UUID detaineeId, boolean chile, LocalDate arrested, DemoBatch out) {
        List<String> by = new ArrayList<>();
        if (chance(chile ? 0.55 : 0.85)) {
            by.add(chile ? CL_OBSERVERS : BY_PRISONER_WATCH);
        }
        if (!chile && chance(0.25)) {
            by.add(BY_CAMPAIGN);
        }
        for (String code : by) {
            LocalDate on = arrested.plusDays(between(10, 200));
            if (!on.isAfter(asOf)) {
                out.recognitions().add(new RecognitionRow(id(), detaineeId, refs.organisation(code), on, SOURCE,
                        recordedAt(on)));
            }
        }
    }

    private void supportNeeds(UUID detaineeId, boolean chile, LocalDate arrested, LocalDate releasedOn, DemoBatch out) {
        double r = random.nextDouble();
        int count = r < 0.15 ? 0 : r < 0.55 ? 1 : r < 0.85 ? 2 : 3;
        Set<String> categories = new LinkedHashSet<>();
        while (categories.size() < count) {
            categories.add(NEED_CATEGORIES.pick(random));
        }
        for (String category : categories) {
            LocalDate on = min(arrested.plusDays(between(1, 90)), asOf);
            double s = random.nextDouble();
            String status = releasedOn == null ? (s < 0.7 ? "OPEN" : "MET") : (s < 0.15 ? "OPEN" : s < 0.55 ? "MET" : "CLOSED");
            String description = chance(0.7) ? (chile ? CHILE_NEEDS : BELARUS_NEEDS).get(category) : null;
            out.supportNeeds().add(new SupportNeedRow(id(), detaineeId, category, description, status, on, recordedAt(on)));
        }
    }

    /** Sponsorships by foundations with their payments, and payments for the case by the caseload organisation. */
    private void support(UUID detaineeId, boolean chile, LocalDate arrested, LocalDate releasedOn, UUID caseloadOrg,
                         DemoBatch out) {
        LocalDate activeUntil = releasedOn == null ? asOf : min(releasedOn.plusDays(60), asOf);
        if (chance(chile ? 0.3 : 0.45)) {
            LocalDate starts = arrested.plusDays(between(14, 120));
            if (!starts.isAfter(asOf)) {
                LocalDate ends = releasedOn == null ? (chance(0.1) ? min(starts.plusDays(between(90, 720)), asOf) : null)
                        : max(starts, releasedOn.plusDays(between(0, 90)));
                if (ends != null && ends.isAfter(asOf)) {
                    ends = null;
                }
                String sponsorCode = chile ? CL_FOUNDATION : (chance(0.6) ? BY_FUND : BY_CAMPAIGN);
                String currency = chile ? "CLP" : (chance(0.75) ? "EUR" : "USD");
                BigDecimal monthly = chile ? BigDecimal.valueOf(between(8, 30) * 5_000L)
                        : BigDecimal.valueOf(between(3, 20) * 10L);
                SponsorshipRow sponsorship = new SponsorshipRow(id(), detaineeId, refs.organisation(sponsorCode),
                        starts, ends, monthly.setScale(2), currency, recordedAt(starts));
                out.sponsorships().add(sponsorship);
                LocalDate paidUntil = ends == null ? asOf : ends;
                int payments = between(1, 6);
                for (int i = 0; i < payments; i++) {
                    String category = SPONSORED_PAYMENTS.pick(random);
                    LocalDate paid = day(starts, paidUntil);
                    out.disbursements().add(new DisbursementRow(id(), detaineeId, sponsorship.sponsorId(),
                            sponsorship.id(), paid, amount(category, currency), currency, category, recordedAt(paid)));
                }
            }
        }
        if (chance(0.4)) {
            int payments = between(1, 3);
            for (int i = 0; i < payments; i++) {
                String category = CASE_PAYMENTS.pick(random);
                String currency = chile ? "CLP" : BELARUS_CURRENCIES.pick(random);
                LocalDate paid = day(min(arrested.plusDays(1), asOf), activeUntil);
                out.disbursements().add(new DisbursementRow(id(), detaineeId, caseloadOrg, null, paid,
                        amount(category, currency), currency, category, recordedAt(paid)));
            }
        }
    }

    /** A plausible amount for the category, in whole units of the currency (Chilean pesos in thousands). */
    private BigDecimal amount(String category, String currency) {
        int[] range = switch (category) {
            case "LAWYER_FEES" -> new int[] {200, 2_000};
            case "FINES_AND_BONDS" -> new int[] {100, 1_500};
            case "LABORATORY_ANALYSIS" -> new int[] {100, 600};
            case "EXPERT_REPORTS" -> new int[] {200, 1_200};
            case "HEALTH" -> new int[] {50, 500};
            case "FAMILY_TRAVEL" -> new int[] {50, 400};
            case "BASIC_NEEDS" -> new int[] {30, 200};
            default -> new int[] {20, 200};
        };
        long units = between(range[0], range[1]);
        long value = switch (currency) {
            case "CLP" -> units * 800 / 1_000 * 1_000; // about 800 pesos to the euro, in round thousands
            case "BYN" -> units * 3;
            default -> units;
        };
        return BigDecimal.valueOf(value).setScale(2);
    }

    private String affiliation(boolean chile, int age, boolean mapucheRegion) {
        if (chile) {
            if (age <= 22) {
                return CHILE_YOUNG_AFFILIATIONS.pick(random);
            }
            return mapucheRegion && chance(0.1) ? "INDIGENOUS_LEADER" : CHILE_ADULT_AFFILIATIONS.pick(random);
        }
        return (age <= 23 ? BELARUS_YOUNG_AFFILIATIONS : BELARUS_ADULT_AFFILIATIONS).pick(random);
    }

    private LocalDate secondArrest(boolean chile, LocalDate released) {
        LocalDate from = chile ? max(released.plusDays(30), LocalDate.of(2020, 10, 1)) : released.plusDays(60);
        LocalDate to = chile ? LocalDate.of(2021, 12, 31) : min(released.plusDays(700), asOf.minusDays(30));
        return from.isAfter(to) ? null : day(from, to);
    }

    private String[] nationalId(String country, String nationality, Region region, int birthYear) {
        if (country.equals("CL")) {
            if (chance(0.07)) {
                return new String[] {null, null};
            }
            if (nationality.equals("CL") || chance(0.7)) {
                // RUT numbers grow with the year of birth; foreign residents get numbers above 25 million.
                long body = nationality.equals("CL")
                        ? Math.clamp(7_000_000L + (birthYear - 1960) * 330_000L + between(0, 330_000), 4_000_000L, 23_500_000L)
                        : between(25_000_000, 27_999_999);
                return new String[] {"CL_RUT", body + "-" + ChileanRut.checkDigit(Long.toString(body))};
            }
            return new String[] {"PASSPORT", Long.toString(between(100_000_000, 999_999_999))};
        }
        if (chance(0.15)) {
            return new String[] {null, null};
        }
        if (!nationality.equals("BY")) {
            return new String[] {"PASSPORT", Long.toString(between(100_000_000, 999_999_999))};
        }
        return new String[] {"BY_PASSPORT", region.passportSeries() + "%07d".formatted(between(1_000_000, 4_999_999))};
    }

    private PersonName name(boolean chile, String gender, boolean mapucheSurname) {
        boolean female = gender.equals("FEMALE") || (!gender.equals("MALE") && random.nextBoolean());
        if (chile) {
            String given = gender.equals("NON_BINARY") && chance(0.5) ? pick(DemoVocabulary.CHILE_NEUTRAL_NAMES)
                    : pick(female ? DemoVocabulary.CHILE_FEMALE_NAMES : DemoVocabulary.CHILE_MALE_NAMES);
            String second = chance(0.35) ? pick(female ? DemoVocabulary.CHILE_FEMALE_NAMES : DemoVocabulary.CHILE_MALE_NAMES) : null;
            String paternal = pick(mapucheSurname && random.nextBoolean() ? DemoVocabulary.MAPUCHE_SURNAMES
                    : DemoVocabulary.CHILE_SURNAMES).male();
            String maternal = pick(mapucheSurname ? DemoVocabulary.MAPUCHE_SURNAMES : DemoVocabulary.CHILE_SURNAMES).male();
            String givenNames = second == null || second.equals(given) ? given : given + " " + second;
            return new PersonName(given, paternal, maternal, givenNames + " " + paternal + " " + maternal);
        }
        String given = pick(female ? DemoVocabulary.BELARUS_FEMALE_NAMES : DemoVocabulary.BELARUS_MALE_NAMES);
        Surname surname = pick(DemoVocabulary.BELARUS_SURNAMES);
        String family = female ? surname.female() : surname.male();
        return new PersonName(given, family, null, given + " " + family);
    }

    private String familyContact(boolean chile, PersonName person, String gender) {
        String relation = pick(chile ? DemoVocabulary.CHILE_RELATIONS : DemoVocabulary.BELARUS_RELATIONS);
        if (relation.equals("Wife") || relation.equals("Husband")) {
            relation = gender.equals("FEMALE") ? "Husband" : gender.equals("MALE") ? "Wife" : "Partner";
        }
        boolean female = FEMALE_RELATIONS.contains(relation) || (PARTNERS.contains(relation) && random.nextBoolean());
        PersonName relative = name(chile, female ? "FEMALE" : "MALE", false);
        String surname;
        if (PARTNERS.contains(relation)) {
            surname = relative.surname();
        } else if (chile) {
            // A Chilean's mother and maternal relatives carry the person's second surname.
            surname = relation.equals("Madre") || (relation.equals("Abuela") || relation.equals("Tía")) && random.nextBoolean()
                    ? person.secondSurname() : person.surname();
        } else {
            surname = surnameForm(person.surname(), female);
        }
        PersonName contact = new PersonName(relative.given(), surname, null, relative.given() + " " + surname);
        return relation + ": " + contact.fullName() + ", " + email(contact);
    }

    /** The Belarusian surname of a relative in the relative's gender, e.g. Ivanou → Ivanava. */
    private static String surnameForm(String surname, boolean female) {
        for (Surname s : DemoVocabulary.BELARUS_SURNAMES) {
            if (s.male().equals(surname) || s.female().equals(surname)) {
                return female ? s.female() : s.male();
            }
        }
        return surname;
    }

    /** An address in the example.org domain, reserved for documentation, so no real mailbox is hit. */
    private String email(PersonName name) {
        String local = ascii(name.given().split(" ")[0]) + "." + ascii(name.surname());
        return local + between(10, 99) + "@example.org";
    }

    private static String ascii(String text) {
        String stripped = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return NOT_A_TO_Z.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private Region pickRegion(List<Region> regions) {
        int total = regions.stream().mapToInt(Region::weight).sum();
        int r = random.nextInt(total);
        for (Region region : regions) {
            r -= region.weight();
            if (r < 0) {
                return region;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    // ---- Randomness and dates ---------------------------------------------------------------

    /** A version-4 UUID from the id stream, so ids are as reproducible as everything else. */
    private UUID id() {
        long high = (idRandom.nextLong() & ~0xF000L) | 0x4000L;
        long low = (idRandom.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private int between(int low, int highInclusive) {
        return highInclusive <= low ? low : random.nextInt(low, highInclusive + 1);
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Roughly log-normal durations: most near the median, a long tail, clamped to the bounds. */
    private int logNormal(double median, double sigma, int min, int max) {
        double value = median * Math.exp(sigma * random.nextGaussian());
        return (int) Math.clamp(Math.round(value), min, max);
    }

    private LocalDate day(String from, String to) {
        return day(LocalDate.parse(from), LocalDate.parse(to));
    }

    private LocalDate day(LocalDate from, LocalDate toInclusive) {
        long span = ChronoUnit.DAYS.between(from, toInclusive);
        return span <= 0 ? from : from.plusDays(random.nextLong(span + 1));
    }

    /** When a fact was entered: on the day or up to two weeks later, in working hours, never after {@code asOf}. */
    private OffsetDateTime recordedAt(LocalDate day) {
        LocalDate on = min(day.plusDays(between(0, 14)), asOf);
        return OffsetDateTime.of(on, LocalTime.of(between(8, 21), between(0, 59), between(0, 59)), ZoneOffset.UTC);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate[] window(String from, String to) {
        return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
    }

    /** Stafford's 64-bit finaliser: spreads nearby inputs (consecutive salts) over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The custody periods of one detention as they are built: each change closes the open period
     * on the day of the change and opens the next; changes after {@code asOf} have not happened
     * yet and are ignored, as is everything after a release.
     */
    private final class Timeline {

        private record Step(String regime, UUID facilityId, LocalDate from) {}

        private final UUID detentionId;
        private final List<Step> steps = new ArrayList<>();
        private boolean over;
        private LocalDate releasedOn;

        Timeline(UUID detentionId, LocalDate arrested, String regime, UUID facilityId) {
            this.detentionId = detentionId;
            steps.add(new Step(regime, facilityId, arrested));
        }

        /** Applies the change unless it lies after {@code asOf} or the detention is over; says whether it did. */
        boolean change(String regime, UUID facilityId, LocalDate on) {
            if (over) {
                return false;
            }
            Step last = steps.getLast();
            LocalDate day = on.isAfter(last.from()) ? on : last.from().plusDays(1);
            if (day.isAfter(asOf)) {
                over = true;
                return false;
            }
            if (last.regime().equals(regime) && Objects.equals(last.facilityId(), facilityId)) {
                return false;
            }
            steps.add(new Step(regime, facilityId, day));
            if (regime.equals(RELEASED) || regime.equals(RELEASED_AWAITING_TRIAL)) {
                releasedOn = day;
                over = true;
            }
            return true;
        }

        boolean released() {
            return releasedOn != null;
        }

        /** Still deprived of liberty, and the story not cut off by {@code asOf}. */
        boolean held() {
            return !over;
        }

        UUID currentFacility() {
            return steps.getLast().facilityId();
        }

        LocalDate releasedOn() {
            return releasedOn;
        }

        void emit(DemoBatch out) {
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                LocalDate ends = i + 1 < steps.size() ? steps.get(i + 1).from() : null;
                out.custodyPeriods().add(new CustodyPeriodRow(id(), detentionId, step.regime(), step.facilityId(),
                        step.from(), ends, SOURCE, recordedAt(step.from())));
            }
        }
    }

    /** Items drawn with probability proportional to their weights. */
    private static final class Weighted<T> {

        private final List<T> items = new ArrayList<>();
        private final List<Integer> cumulative = new ArrayList<>();
        private int total;

        Weighted<T> add(T item, int weight) {
            total += weight;
            items.add(item);
            cumulative.add(total);
            return this;
        }

        T pick(RandomGenerator random) {
            int r = random.nextInt(total);
            for (int i = 0; i < items.size(); i++) {
                if (r < cumulative.get(i)) {
                    return items.get(i);
                }
            }
            throw new IllegalStateException("unreachable");
        }
    }
}
