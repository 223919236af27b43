-- The registry's core domain: people deprived of liberty for political reasons, their detentions,
-- criminal cases, sentences and the support they receive, and the defenders who work for them.
--
-- Data classes (DESIGN.md section 3) are noted per column: [R] RESTRICTED, [S] SPECIAL.
-- Unmarked columns are INTERNAL or PUBLIC. RESTRICTED and SPECIAL columns become ciphertexts when
-- field encryption lands; they are kept apart from indexed columns so that change stays local.
--
-- Identifiers are UUIDs chosen by the application, so that ids reveal neither counts nor order.
-- Enumerations are varchar columns with CHECK constraints, mirrored by Java enums in the domain.
-- Key facts carry "source" (where the fact comes from) and "recorded_at" (when it was entered).

create table organisation (
    id          uuid primary key,
    code        varchar(32)  not null unique,
    name        varchar(200) not null,
    kind        varchar(32)  not null check (kind in ('HUMAN_RIGHTS_GROUP', 'LAWYER_COLLECTIVE',
                    'FAMILY_ORGANISATION', 'FOUNDATION', 'INTERNATIONAL_CAMPAIGN', 'TRADE_UNION')),
    country     varchar(2)   not null,
    version     integer      not null default 1,
    created_at  timestamp with time zone not null
);

create table facility (
    id          uuid primary key,
    name        varchar(200) not null,
    country     varchar(2)   not null,
    region      varchar(100) not null,
    kind        varchar(32)  not null check (kind in ('PRISON', 'REMAND_CENTRE', 'POLICE_STATION',
                    'PENAL_COLONY', 'YOUTH_CENTRE', 'PSYCHIATRIC_FACILITY', 'OTHER')),
    operator    varchar(32)  not null check (operator in ('PUBLIC', 'PRIVATE_CONCESSION')),
    version     integer      not null default 1,
    created_at  timestamp with time zone not null,
    constraint facility_name_unique unique (country, name)
);

-- The catalogue of legal provisions that charges invoke.
create table legal_provision (
    id          uuid primary key,
    code        varchar(64)  not null unique,
    country     varchar(2)   not null,
    law         varchar(200) not null,
    article     varchar(100),
    title       varchar(500) not null
);

create table detainee (
    id                  uuid primary key,
    public_code         varchar(32)  not null unique,
    country             varchar(2)   not null,
    full_name           varchar(300) not null,   -- [R]
    aliases             varchar(1000),           -- [R] newline-separated
    national_id_kind    varchar(16)  check (national_id_kind in ('CL_RUT', 'BY_PASSPORT', 'BY_ID_CARD', 'PASSPORT', 'OTHER')),
    national_id         varchar(64),             -- [R]
    date_of_birth       date,                    -- [R]
    birth_year          integer,                 -- INTERNAL: coarse enough for age bands
    gender              varchar(16)  not null check (gender in ('FEMALE', 'MALE', 'NON_BINARY', 'UNDISCLOSED')),
    nationality         varchar(2),
    region              varchar(100),
    commune             varchar(100),
    affiliation         varchar(32)  not null check (affiliation in ('STUDENT', 'WORKER', 'TRADE_UNIONIST',
                            'JOURNALIST', 'HUMAN_RIGHTS_DEFENDER', 'POLITICAL_ACTIVIST', 'ARTIST',
                            'INDIGENOUS_LEADER', 'UNEMPLOYED', 'OTHER', 'UNKNOWN')),
    family_contact      varchar(500),            -- [R]
    consent_to_be_named boolean      not null default false,
    notes               text,                    -- [R]
    last_contact_on     date,
    source              varchar(500),
    recorded_at         timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             integer      not null default 1
);
create index detainee_country_region on detainee (country, region);

-- Numbers the public codes (CL-2019-000123): one sequence for all countries keeps codes unique.
create sequence detainee_public_code_seq;

-- Which organisations count a person in their caseload (support coordinators see theirs in full).
create table caseload (
    detainee_id      uuid not null references detainee (id),
    organisation_id  uuid not null references organisation (id),
    since            date not null,
    primary key (detainee_id, organisation_id)
);
create index caseload_organisation on caseload (organisation_id);

-- Which organisation designated the person a political prisoner, and when.
create table recognition (
    id               uuid primary key,
    detainee_id      uuid not null references detainee (id),
    organisation_id  uuid not null references organisation (id),
    recognised_on    date not null,
    source           varchar(500),
    recorded_at      timestamp with time zone not null,
    constraint recognition_once unique (detainee_id, organisation_id)
);

-- An episode of deprivation of liberty, from arrest to release.
create table detention (
    id                      uuid primary key,
    detainee_id             uuid not null references detainee (id),
    arrested_on             date not null,
    arrest_place            varchar(300),
    event                   varchar(300),
    ill_treatment_alleged   boolean not null default false,
    ill_treatment_account   text,                  -- [R]
    released_on             date,
    source                  varchar(500),
    recorded_at             timestamp with time zone not null,
    version                 integer not null default 1,
    constraint detention_release_after_arrest check (released_on is null or released_on >= arrested_on)
);
create index detention_detainee on detention (detainee_id);
create index detention_arrested_on on detention (arrested_on);

-- The regime and place of a detention over time. A transfer or a change of regime closes the open
-- period and opens the next; exactly one period per detention is open (ends_on is null).
create table custody_period (
    id            uuid primary key,
    detention_id  uuid not null references detention (id),
    regime        varchar(32) not null check (regime in ('POLICE_CUSTODY', 'PRETRIAL_DETENTION',
                      'HOUSE_ARREST_TOTAL', 'HOUSE_ARREST_NIGHT', 'SERVING_SENTENCE',
                      'RELEASED_AWAITING_TRIAL', 'RELEASED')),
    facility_id   uuid references facility (id),
    starts_on     date not null,
    ends_on       date,
    source        varchar(500),
    recorded_at   timestamp with time zone not null,
    constraint custody_period_dates check (ends_on is null or ends_on >= starts_on)
);
create index custody_period_detention on custody_period (detention_id);
create index custody_period_open on custody_period (detention_id) where ends_on is null;

create table defender (
    id                   uuid primary key,
    organisation_id      uuid not null references organisation (id),
    full_name            varchar(300) not null,   -- [S]
    kind                 varchar(32)  not null check (kind in ('LAWYER', 'HUMAN_RIGHTS_DEFENDER',
                             'JOURNALIST', 'FAMILY_REPRESENTATIVE', 'OTHER')),
    login_subject        varchar(200) unique,
    contact              varchar(500),            -- [S]
    risk_level           varchar(16)  not null check (risk_level in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    protective_measures  text,                    -- [S]
    recorded_at          timestamp with time zone not null,
    version              integer not null default 1
);

-- An incident against a defender. Everything here is SPECIAL.
create table threat (
    id                        uuid primary key,
    defender_id               uuid not null references defender (id),
    occurred_on               date not null,
    kind                      varchar(32) not null check (kind in ('DEATH_THREAT', 'HARASSMENT',
                                  'SURVEILLANCE', 'SMEAR_CAMPAIGN', 'PHYSICAL_ATTACK',
                                  'DIGITAL_ATTACK', 'JUDICIAL_HARASSMENT', 'OTHER')),
    channel                   varchar(32) not null check (channel in ('IN_PERSON', 'PHONE',
                                  'SOCIAL_MEDIA', 'MESSAGING_APP', 'EMAIL', 'LETTER', 'PRESS', 'OTHER')),
    description               text,               -- [S]
    reported_to_authorities   boolean not null default false,
    follow_up                 text,               -- [S]
    source                    varchar(500),
    recorded_at               timestamp with time zone not null,
    version                   integer not null default 1
);
create index threat_defender on threat (defender_id);

-- Which lawyers (defenders) work for a detainee, over time. A lawyer reaches the person's full record
-- (all their cases) while the assignment lasts (unassigned_on is null). ADMIN makes assignments.
create table lawyer_assignment (
    id              uuid primary key,
    detainee_id     uuid not null references detainee (id),
    defender_id     uuid not null references defender (id),
    assigned_on     date not null,
    unassigned_on   date,
    recorded_at     timestamp with time zone not null,
    constraint lawyer_assignment_dates check (unassigned_on is null or unassigned_on >= assigned_on)
);
create unique index lawyer_assignment_active on lawyer_assignment (detainee_id, defender_id) where unassigned_on is null;
create index lawyer_assignment_defender on lawyer_assignment (defender_id);

-- A criminal proceeding against one detainee (co-defendants each have their own row with the same
-- case numbers, since charges, outcomes and sentences are per person).
create table court_case (
    id            uuid primary key,
    detainee_id   uuid not null references detainee (id),
    country       varchar(2)   not null,
    court         varchar(300) not null,
    ruc           varchar(32),                   -- [R] Chile: Rol Único de Causa
    rit           varchar(32),                   -- [R] Chile: Rol Interno del Tribunal
    case_number   varchar(64),                   -- [R] other jurisdictions
    prosecutor    varchar(300),
    stage         varchar(32)  not null check (stage in ('INVESTIGATION', 'FORMALISED', 'TRIAL',
                      'SENTENCED', 'APPEAL', 'CLOSED')),
    legal_notes   text,                          -- [R]
    source        varchar(500),
    recorded_at   timestamp with time zone not null,
    version       integer not null default 1
);
create index court_case_detainee on court_case (detainee_id);



create table charge (
    id              uuid primary key,
    case_id         uuid not null references court_case (id),
    provision_id    uuid not null references legal_provision (id),
    outcome         varchar(32) not null check (outcome in ('PENDING', 'DROPPED', 'ACQUITTED',
                        'CONVICTED', 'REQUALIFIED')),
    source          varchar(500),
    recorded_at     timestamp with time zone not null,
    version         integer not null default 1
);
create index charge_case on charge (case_id);
create index charge_provision on charge (provision_id);

create table hearing (
    id              uuid primary key,
    case_id         uuid not null references court_case (id),
    held_on         date not null,
    kind            varchar(32) not null check (kind in ('DETENTION_CONTROL', 'FORMALISATION',
                        'PRECAUTIONARY_MEASURES_REVIEW', 'PREPARATORY', 'TRIAL', 'SENTENCING',
                        'APPEAL', 'OTHER')),
    outcome         varchar(1000),
    source          varchar(500),
    recorded_at     timestamp with time zone not null
);
create index hearing_case on hearing (case_id, held_on);

create table sentence (
    id              uuid primary key,
    case_id         uuid not null references court_case (id),
    imposed_on      date not null,
    court           varchar(300) not null,
    term_years      integer not null default 0 check (term_years between 0 and 99),
    term_months     integer not null default 0 check (term_months between 0 and 11),
    term_days       integer not null default 0 check (term_days between 0 and 366),
    regime          varchar(32) not null check (regime in ('EFFECTIVE_PRISON', 'SUPERVISED_RELEASE',
                        'PROBATION', 'SUSPENDED', 'HOUSE_ARREST', 'COMMUNITY_SERVICE', 'FINE_ONLY')),
    starts_on       date,
    fine_amount     numeric(14, 2),
    fine_currency   varchar(3),
    appeal_status   varchar(32) not null check (appeal_status in ('NOT_APPEALED', 'PENDING', 'UPHELD',
                        'REDUCED', 'OVERTURNED')),
    source          varchar(500),
    recorded_at     timestamp with time zone not null,
    version         integer not null default 1
);
create index sentence_case on sentence (case_id);

create table support_need (
    id              uuid primary key,
    detainee_id     uuid not null references detainee (id),
    category        varchar(32) not null check (category in ('LEGAL_DEFENCE', 'BASIC_NEEDS', 'HEALTH',
                        'PSYCHOLOGICAL', 'FAMILY', 'EDUCATION')),
    description     text,                         -- [R]; [S] when category is HEALTH or PSYCHOLOGICAL
    status          varchar(16) not null check (status in ('OPEN', 'MET', 'CLOSED')),
    recorded_on     date not null,
    recorded_at     timestamp with time zone not null,
    version         integer not null default 1
);
create index support_need_detainee on support_need (detainee_id);

create table sponsorship (
    id                   uuid primary key,
    detainee_id          uuid not null references detainee (id),
    sponsor_id           uuid not null references organisation (id),
    starts_on            date not null,
    ends_on              date,
    monthly_amount       numeric(12, 2) not null check (monthly_amount >= 0),
    currency             varchar(3) not null,
    recorded_at          timestamp with time zone not null,
    version              integer not null default 1,
    constraint sponsorship_dates check (ends_on is null or ends_on >= starts_on)
);
create index sponsorship_detainee on sponsorship (detainee_id);

create table disbursement (
    id               uuid primary key,
    detainee_id      uuid not null references detainee (id),
    paid_by_id       uuid not null references organisation (id),
    sponsorship_id   uuid references sponsorship (id),
    paid_on          date not null,
    amount           numeric(12, 2) not null check (amount > 0),
    currency         varchar(3) not null,
    category         varchar(32) not null check (category in ('LAWYER_FEES', 'FINES_AND_BONDS',
                         'LABORATORY_ANALYSIS', 'EXPERT_REPORTS', 'BASIC_NEEDS', 'HEALTH',
                         'FAMILY_TRAVEL', 'OTHER')),
    recorded_at      timestamp with time zone not null
);
create index disbursement_detainee on disbursement (detainee_id);
