package org.prisonerregistry.seed;

import java.util.List;

/**
 * The facilities and organisations that demo records point to. Facilities are real places of
 * detention, because where people are held is public knowledge that demos should show truthfully;
 * organisations are invented and say "(demo)" in their names, so nobody mistakes them for real ones.
 */
final class DemoReferenceData {

    /** A real place of detention; {@code key()} names it among the ids the writer resolves. */
    record FacilitySeed(String country, String name, String region, String kind, String operator) {
        String key() {
            return key(country, name);
        }

        static String key(String country, String name) {
            return country + "/" + name;
        }
    }

    /** An invented organisation, identified by its code. */
    record OrganisationSeed(String code, String name, String kind, String country) {}

    // Chile. The concession programme of the 2000s put several large prisons in private hands
    // (construction and services), which the registry records as PRIVATE_CONCESSION.
    static final String SANTIAGO_1 = "Santiago 1";
    static final String SANTIAGO_SUR = "Centro de Detención Preventiva Santiago Sur";
    static final String CPF_SANTIAGO = "Centro Penitenciario Femenino de Santiago";
    static final String VALPARAISO = "Complejo Penitenciario de Valparaíso";
    static final String CONCEPCION = "Centro Penitenciario de Concepción (El Manzano)";
    static final String RANCAGUA = "Centro Penitenciario de Rancagua";
    static final String ALTO_HOSPICIO = "Complejo Penitenciario de Alto Hospicio";
    static final String PUERTO_MONTT = "Centro Penitenciario de Puerto Montt (Alto Bonito)";
    static final String ANTOFAGASTA = "Centro Penitenciario de Antofagasta";
    static final String TEMUCO = "Centro Penitenciario de Temuco";
    static final String LA_SERENA = "Complejo Penitenciario de La Serena";
    static final String TALCA = "Centro de Cumplimiento Penitenciario de Talca";

    // Belarus: remand prisons (SIZO), penal colonies and the Minsk police detention centre.
    static final String VALADARKA = "SIZO-1 Minsk (Valadarka)";
    static final String OKRESTINA = "Okrestina detention centre Minsk";
    static final String ZHODZINA = "Prison No. 8 Zhodzina";
    static final String MAHILIOU_PRISON = "Prison No. 4 Mahilioŭ";
    static final String SIZO_VICIEBSK = "SIZO-2 Viciebsk";
    static final String SIZO_HOMIEL = "SIZO-3 Homiel";
    static final String SIZO_BREST = "SIZO-7 Brest";
    static final String HRODNA_PRISON = "Prison No. 1 Hrodna";
    static final String COLONY_1 = "Penal Colony No. 1 Navapolatsk";
    static final String COLONY_3 = "Penal Colony No. 3 Vitsba";
    static final String COLONY_9 = "Penal Colony No. 9 Horki";
    static final String COLONY_15 = "Penal Colony No. 15 Mahilioŭ";
    static final String COLONY_17 = "Penal Colony No. 17 Shklov";
    static final String COLONY_4_WOMEN = "Penal Colony No. 4 Homiel (women)";

    static final List<FacilitySeed> FACILITIES = List.of(
            new FacilitySeed("CL", SANTIAGO_1, "Región Metropolitana", "REMAND_CENTRE", "PRIVATE_CONCESSION"),
            new FacilitySeed("CL", SANTIAGO_SUR, "Región Metropolitana", "REMAND_CENTRE", "PUBLIC"),
            new FacilitySeed("CL", CPF_SANTIAGO, "Región Metropolitana", "PRISON", "PUBLIC"),
            new FacilitySeed("CL", VALPARAISO, "Valparaíso", "PRISON", "PRIVATE_CONCESSION"),
            new FacilitySeed("CL", CONCEPCION, "Biobío", "PRISON", "PRIVATE_CONCESSION"),
            new FacilitySeed("CL", RANCAGUA, "O'Higgins", "PRISON", "PRIVATE_CONCESSION"),
            new FacilitySeed("CL", ALTO_HOSPICIO, "Tarapacá", "PRISON", "PRIVATE_CONCESSION"),
            new FacilitySeed("CL", PUERTO_MONTT, "Los Lagos", "PRISON", "PRIVATE_CONCESSION"),
            new FacilitySeed("CL", ANTOFAGASTA, "Antofagasta", "PRISON", "PRIVATE_CONCESSION"),
            new FacilitySeed("CL", TEMUCO, "La Araucanía", "PRISON", "PUBLIC"),
            new FacilitySeed("CL", LA_SERENA, "Coquimbo", "PRISON", "PRIVATE_CONCESSION"),
            new FacilitySeed("CL", TALCA, "Maule", "PRISON", "PUBLIC"),
            new FacilitySeed("BY", VALADARKA, "Minsk City", "REMAND_CENTRE", "PUBLIC"),
            new FacilitySeed("BY", OKRESTINA, "Minsk City", "POLICE_STATION", "PUBLIC"),
            new FacilitySeed("BY", ZHODZINA, "Minsk Voblast", "PRISON", "PUBLIC"),
            new FacilitySeed("BY", MAHILIOU_PRISON, "Mahilioŭ Voblast", "PRISON", "PUBLIC"),
            new FacilitySeed("BY", SIZO_VICIEBSK, "Viciebsk Voblast", "REMAND_CENTRE", "PUBLIC"),
            new FacilitySeed("BY", SIZO_HOMIEL, "Homiel Voblast", "REMAND_CENTRE", "PUBLIC"),
            new FacilitySeed("BY", SIZO_BREST, "Brest Voblast", "REMAND_CENTRE", "PUBLIC"),
            new FacilitySeed("BY", HRODNA_PRISON, "Hrodna Voblast", "PRISON", "PUBLIC"),
            new FacilitySeed("BY", COLONY_1, "Viciebsk Voblast", "PENAL_COLONY", "PUBLIC"),
            new FacilitySeed("BY", COLONY_3, "Viciebsk Voblast", "PENAL_COLONY", "PUBLIC"),
            new FacilitySeed("BY", COLONY_9, "Mahilioŭ Voblast", "PENAL_COLONY", "PUBLIC"),
            new FacilitySeed("BY", COLONY_15, "Mahilioŭ Voblast", "PENAL_COLONY", "PUBLIC"),
            new FacilitySeed("BY", COLONY_17, "Mahilioŭ Voblast", "PENAL_COLONY", "PUBLIC"),
            new FacilitySeed("BY", COLONY_4_WOMEN, "Homiel Voblast", "PENAL_COLONY", "PUBLIC"));

    static final String CL_FAMILIES = "DEMO-CL-FAMILIARES";
    static final String CL_POPULAR_DEFENCE = "DEMO-CL-DEFENSA-POPULAR";
    static final String CL_LAWYERS_18O = "DEMO-CL-ABOGADAS-18O";
    static final String CL_OBSERVERS = "DEMO-CL-OBSERVATORIO";
    static final String CL_FOUNDATION = "DEMO-CL-FUNDACION-EXT";
    static final String BY_CAMPAIGN = "DEMO-BY-CAMPAIGN";
    static final String BY_PRISONER_WATCH = "DEMO-BY-PRISONER-WATCH";
    static final String BY_LAWYERS = "DEMO-BY-DEFENCE-LAWYERS";
    static final String BY_FAMILIES = "DEMO-BY-FAMILIES";
    static final String BY_FUND = "DEMO-BY-FREE-VOICES";
    static final String BY_UNION = "DEMO-BY-UNION-SUPPORT";

    static final List<OrganisationSeed> ORGANISATIONS = List.of(
            new OrganisationSeed(CL_FAMILIES, "Coordinadora de Familiares (demo)", "FAMILY_ORGANISATION", "CL"),
            new OrganisationSeed(CL_POPULAR_DEFENCE, "Colectivo de Defensa Popular (demo)", "LAWYER_COLLECTIVE", "CL"),
            new OrganisationSeed(CL_LAWYERS_18O, "Red de Abogadas y Abogados 18-O (demo)", "LAWYER_COLLECTIVE", "CL"),
            new OrganisationSeed(CL_OBSERVERS, "Red de Observación de Derechos Humanos Octubre (demo)", "HUMAN_RIGHTS_GROUP", "CL"),
            new OrganisationSeed(CL_FOUNDATION, "Fundación Solidaridad Exterior (demo)", "FOUNDATION", "SE"),
            new OrganisationSeed(BY_CAMPAIGN, "Belarus Solidarity Campaign (demo)", "INTERNATIONAL_CAMPAIGN", "LT"),
            new OrganisationSeed(BY_PRISONER_WATCH, "Belarusian Prisoner Watch (demo)", "HUMAN_RIGHTS_GROUP", "BY"),
            new OrganisationSeed(BY_LAWYERS, "Independent Defence Lawyers Collective (demo)", "LAWYER_COLLECTIVE", "BY"),
            new OrganisationSeed(BY_FAMILIES, "Families of Political Prisoners Circle (demo)", "FAMILY_ORGANISATION", "BY"),
            new OrganisationSeed(BY_FUND, "Free Voices Solidarity Fund (demo)", "FOUNDATION", "PL"),
            new OrganisationSeed(BY_UNION, "Independent Workers' Solidarity Union (demo)", "TRADE_UNION", "BY"));

    private DemoReferenceData() {
    }
}
