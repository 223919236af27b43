package org.prisonerregistry.seed;

import static org.prisonerregistry.seed.DemoReferenceData.ALTO_HOSPICIO;
import static org.prisonerregistry.seed.DemoReferenceData.ANTOFAGASTA;
import static org.prisonerregistry.seed.DemoReferenceData.CONCEPCION;
import static org.prisonerregistry.seed.DemoReferenceData.HRODNA_PRISON;
import static org.prisonerregistry.seed.DemoReferenceData.LA_SERENA;
import static org.prisonerregistry.seed.DemoReferenceData.MAHILIOU_PRISON;
import static org.prisonerregistry.seed.DemoReferenceData.PUERTO_MONTT;
import static org.prisonerregistry.seed.DemoReferenceData.RANCAGUA;
import static org.prisonerregistry.seed.DemoReferenceData.SANTIAGO_1;
import static org.prisonerregistry.seed.DemoReferenceData.SANTIAGO_SUR;
import static org.prisonerregistry.seed.DemoReferenceData.SIZO_BREST;
import static org.prisonerregistry.seed.DemoReferenceData.SIZO_HOMIEL;
import static org.prisonerregistry.seed.DemoReferenceData.SIZO_VICIEBSK;
import static org.prisonerregistry.seed.DemoReferenceData.TALCA;
import static org.prisonerregistry.seed.DemoReferenceData.TEMUCO;
import static org.prisonerregistry.seed.DemoReferenceData.VALADARKA;
import static org.prisonerregistry.seed.DemoReferenceData.VALPARAISO;
import static org.prisonerregistry.seed.DemoReferenceData.ZHODZINA;

import java.util.List;

/**
 * Words the generator combines: common given names and surnames (never whole names of real
 * people), real regions, communes, courts and prosecutors' offices, and short texts in the
 * language the records of each country would be kept in.
 */
final class DemoVocabulary {

    /**
     * A region of residence and arrest with the institutions that serve it: the remand facilities
     * for men (women go to the women's facility or section), the first-instance courts, the trial or
     * higher court and the prosecuting offices. {@code passportSeries} is the Belarusian series
     * issued there.
     */
    record Region(String name, int weight, List<String> communes, List<String> remandFacilities,
                  List<String> courts, String higherCourt, List<String> prosecutors, List<String> arrestPlaces,
                  String passportSeries) {}

    /** A surname in its masculine and feminine forms (identical in Spanish). */
    record Surname(String male, String female) {}

    static final List<Region> CHILE_REGIONS = List.of(
            new Region("Región Metropolitana", 45,
                    List.of("Santiago", "Puente Alto", "Maipú", "La Florida", "Ñuñoa", "Pudahuel", "Recoleta",
                            "Estación Central", "La Pintana", "San Bernardo", "Peñalolén", "Renca", "Lo Espejo",
                            "Quilicura", "Independencia", "Lo Prado", "La Granja"),
                    List.of(SANTIAGO_1, SANTIAGO_SUR),
                    List.of("4° Juzgado de Garantía de Santiago", "7° Juzgado de Garantía de Santiago",
                            "8° Juzgado de Garantía de Santiago", "Juzgado de Garantía de Puente Alto",
                            "Juzgado de Garantía de San Bernardo"),
                    "3° Tribunal de Juicio Oral en lo Penal de Santiago",
                    List.of("Fiscalía Regional Metropolitana Centro Norte", "Fiscalía Regional Metropolitana Sur",
                            "Fiscalía Regional Metropolitana Oriente", "Fiscalía Regional Metropolitana Occidente"),
                    List.of("Plaza Baquedano (Plaza de la Dignidad), Santiago", "Alameda con Portugal, Santiago",
                            "Av. Vicuña Mackenna, Santiago", "Estación Metro Baquedano, Santiago",
                            "Plaza de Puente Alto", "Av. Pajaritos, Maipú", "Metro San Pablo, Lo Prado",
                            "Av. Grecia, Ñuñoa"),
                    null),
            new Region("Valparaíso", 14,
                    List.of("Valparaíso", "Viña del Mar", "Quilpué", "Villa Alemana", "San Antonio", "Quillota"),
                    List.of(VALPARAISO),
                    List.of("Juzgado de Garantía de Valparaíso", "Juzgado de Garantía de Viña del Mar"),
                    "Tribunal de Juicio Oral en lo Penal de Valparaíso",
                    List.of("Fiscalía Regional de Valparaíso"),
                    List.of("Av. Pedro Montt, Valparaíso", "Plaza Victoria, Valparaíso", "Plaza Sucre, Viña del Mar"),
                    null),
            new Region("Biobío", 10,
                    List.of("Concepción", "Talcahuano", "Coronel", "Los Ángeles", "Chiguayante", "San Pedro de la Paz",
                            "Hualpén"),
                    List.of(CONCEPCION),
                    List.of("Juzgado de Garantía de Concepción", "Juzgado de Garantía de Talcahuano"),
                    "Tribunal de Juicio Oral en lo Penal de Concepción",
                    List.of("Fiscalía Regional del Biobío"),
                    List.of("Plaza de la Independencia, Concepción", "Diagonal Pedro Aguirre Cerda, Concepción",
                            "Barrio Universitario, Concepción"),
                    null),
            new Region("Antofagasta", 6,
                    List.of("Antofagasta", "Calama", "Tocopilla", "Mejillones"),
                    List.of(ANTOFAGASTA),
                    List.of("Juzgado de Garantía de Antofagasta", "Juzgado de Garantía de Calama"),
                    "Tribunal de Juicio Oral en lo Penal de Antofagasta",
                    List.of("Fiscalía Regional de Antofagasta"),
                    List.of("Plaza Sotomayor, Antofagasta", "Av. Brasil, Antofagasta", "Plaza 23 de Marzo, Calama"),
                    null),
            new Region("La Araucanía", 6,
                    List.of("Temuco", "Padre Las Casas", "Angol", "Villarrica", "Lautaro", "Ercilla"),
                    List.of(TEMUCO),
                    List.of("Juzgado de Garantía de Temuco", "Juzgado de Garantía de Angol"),
                    "Tribunal de Juicio Oral en lo Penal de Temuco",
                    List.of("Fiscalía Regional de La Araucanía"),
                    List.of("Plaza Aníbal Pinto, Temuco", "Av. Alemania, Temuco", "Plaza de Armas, Angol"),
                    null),
            new Region("O'Higgins", 4,
                    List.of("Rancagua", "San Fernando", "Machalí", "Rengo"),
                    List.of(RANCAGUA),
                    List.of("Juzgado de Garantía de Rancagua"),
                    "Tribunal de Juicio Oral en lo Penal de Rancagua",
                    List.of("Fiscalía Regional de O'Higgins"),
                    List.of("Plaza de los Héroes, Rancagua"),
                    null),
            new Region("Tarapacá", 4,
                    List.of("Iquique", "Alto Hospicio", "Pozo Almonte"),
                    List.of(ALTO_HOSPICIO),
                    List.of("Juzgado de Garantía de Iquique"),
                    "Tribunal de Juicio Oral en lo Penal de Iquique",
                    List.of("Fiscalía Regional de Tarapacá"),
                    List.of("Plaza Prat, Iquique", "Av. Arturo Prat, Iquique"),
                    null),
            new Region("Los Lagos", 4,
                    List.of("Puerto Montt", "Osorno", "Castro", "Puerto Varas"),
                    List.of(PUERTO_MONTT),
                    List.of("Juzgado de Garantía de Puerto Montt", "Juzgado de Garantía de Osorno"),
                    "Tribunal de Juicio Oral en lo Penal de Puerto Montt",
                    List.of("Fiscalía Regional de Los Lagos"),
                    List.of("Plaza de Armas, Puerto Montt", "Costanera, Puerto Montt"),
                    null),
            new Region("Coquimbo", 4,
                    List.of("La Serena", "Coquimbo", "Ovalle"),
                    List.of(LA_SERENA),
                    List.of("Juzgado de Garantía de La Serena", "Juzgado de Garantía de Coquimbo"),
                    "Tribunal de Juicio Oral en lo Penal de La Serena",
                    List.of("Fiscalía Regional de Coquimbo"),
                    List.of("Plaza de Armas, La Serena", "Av. Francisco de Aguirre, La Serena"),
                    null),
            new Region("Maule", 3,
                    List.of("Talca", "Curicó", "Linares", "Constitución"),
                    List.of(TALCA),
                    List.of("Juzgado de Garantía de Talca", "Juzgado de Garantía de Curicó"),
                    "Tribunal de Juicio Oral en lo Penal de Talca",
                    List.of("Fiscalía Regional del Maule"),
                    List.of("Plaza de Armas, Talca", "Alameda Bernardo O'Higgins, Talca"),
                    null));

    static final List<Region> BELARUS_REGIONS = List.of(
            new Region("Minsk City", 48,
                    List.of("Frunzienski district", "Maskoŭski district", "Partyzanski district", "Savieccki district",
                            "Centralny district", "Kastryčnicki district", "Leninski district", "Pieršamajski district",
                            "Zavodski district"),
                    List.of(VALADARKA, ZHODZINA),
                    List.of("Frunzienski District Court of Minsk", "Maskoŭski District Court of Minsk",
                            "Partyzanski District Court of Minsk", "Centralny District Court of Minsk",
                            "Leninski District Court of Minsk"),
                    "Minsk City Court",
                    List.of("Investigative Committee, Minsk City Department", "Prosecutor's Office of Minsk"),
                    List.of("Pushkinskaya metro station, Minsk", "Independence Avenue, Minsk", "Niamiha, Minsk",
                            "Partyzanski Avenue, Minsk", "Kalvaryjskaja Street, Minsk", "Home address, Minsk",
                            "Courtyard protest, Minsk"),
                    "MP"),
            new Region("Minsk Voblast", 10,
                    List.of("Barysaŭ", "Maladziečna", "Salihorsk", "Zhodzina", "Slutsk", "Maryina Horka"),
                    List.of(ZHODZINA),
                    List.of("Barysaŭ District Court", "Maladziečna District Court", "Salihorsk District Court"),
                    "Minsk Regional Court",
                    List.of("Investigative Committee, Minsk Voblast Department"),
                    List.of("Central square, Barysaŭ", "Mine gates, Salihorsk", "Home address, Maladziečna"),
                    "MC"),
            new Region("Brest Voblast", 8,
                    List.of("Brest", "Baranavičy", "Pinsk", "Kobryn"),
                    List.of(SIZO_BREST),
                    List.of("Leninski District Court of Brest", "Baranavičy District Court", "Pinsk District Court"),
                    "Brest Regional Court",
                    List.of("Investigative Committee, Brest Voblast Department"),
                    List.of("Savieckaja Street, Brest", "Central square, Pinsk", "Home address, Baranavičy"),
                    "AB"),
            new Region("Homiel Voblast", 9,
                    List.of("Homiel", "Mazyr", "Rečyca", "Žlobin", "Svietlahorsk"),
                    List.of(SIZO_HOMIEL),
                    List.of("Centralny District Court of Homiel", "Mazyr District Court", "Žlobin District Court"),
                    "Homiel Regional Court",
                    List.of("Investigative Committee, Homiel Voblast Department"),
                    List.of("Lenin Square, Homiel", "Home address, Mazyr", "Steel works gates, Žlobin"),
                    "HB"),
            new Region("Hrodna Voblast", 8,
                    List.of("Hrodna", "Lida", "Slonim", "Vaŭkavysk"),
                    List.of(HRODNA_PRISON),
                    List.of("Leninski District Court of Hrodna", "Lida District Court", "Slonim District Court"),
                    "Hrodna Regional Court",
                    List.of("Investigative Committee, Hrodna Voblast Department"),
                    List.of("Savieckaja Square, Hrodna", "Home address, Lida", "Azot plant gates, Hrodna"),
                    "KH"),
            new Region("Mahilioŭ Voblast", 8,
                    List.of("Mahilioŭ", "Babrujsk", "Horki", "Asipovičy"),
                    List.of(MAHILIOU_PRISON),
                    List.of("Leninski District Court of Mahilioŭ", "Babrujsk District Court", "Horki District Court"),
                    "Mahilioŭ Regional Court",
                    List.of("Investigative Committee, Mahilioŭ Voblast Department"),
                    List.of("Glory Square, Mahilioŭ", "Home address, Babrujsk"),
                    "KB"),
            new Region("Viciebsk Voblast", 9,
                    List.of("Viciebsk", "Orša", "Polack", "Navapolack"),
                    List.of(SIZO_VICIEBSK),
                    List.of("Kastryčnicki District Court of Viciebsk", "Orša District Court", "Polack District Court"),
                    "Viciebsk Regional Court",
                    List.of("Investigative Committee, Viciebsk Voblast Department"),
                    List.of("Victory Square, Viciebsk", "Home address, Orša", "Naftan refinery gates, Navapolack"),
                    "BM"));

    static final List<String> CHILE_MALE_NAMES = List.of("Matías", "Benjamín", "Vicente", "Martín", "Sebastián",
            "Diego", "Nicolás", "Felipe", "Joaquín", "Tomás", "Cristóbal", "Ignacio", "Francisco", "Javier",
            "Rodrigo", "Gonzalo", "Pablo", "Andrés", "Camilo", "Bastián", "Maximiliano", "Claudio", "Marcelo",
            "Luis", "Jorge", "Juan", "José", "Carlos", "Manuel", "Alejandro", "Esteban", "Fabián", "Gabriel",
            "Patricio", "Mauricio", "Héctor", "Víctor", "Cristián", "Daniel", "Álvaro", "Eduardo", "Hugo", "Raúl",
            "Sergio", "Lucas", "Agustín", "Renato", "Iván", "Alonso", "Emilio");
    static final List<String> CHILE_FEMALE_NAMES = List.of("Camila", "Valentina", "Javiera", "Catalina", "Constanza",
            "Francisca", "Fernanda", "Daniela", "Antonia", "Isidora", "Carolina", "Paula", "Macarena", "Natalia",
            "Bárbara", "Josefa", "Belén", "María José", "Tamara", "Paz", "Ignacia", "Pía", "Rocío", "Karina",
            "Claudia", "Alejandra", "Andrea", "Patricia", "Marcela", "Verónica", "Loreto", "Ximena", "Sofía",
            "Florencia", "Martina", "Trinidad", "Antonella", "Valeria", "Gabriela", "Romina");
    static final List<String> CHILE_NEUTRAL_NAMES = List.of("Alex", "Ariel", "Andrea", "Cris", "Dani", "Sasha",
            "Noa", "Río");
    static final List<Surname> CHILE_SURNAMES = spanish("González", "Muñoz", "Rojas", "Díaz", "Pérez", "Soto",
            "Contreras", "Silva", "Martínez", "Sepúlveda", "Morales", "Rodríguez", "López", "Fuentes", "Hernández",
            "Torres", "Araya", "Flores", "Espinoza", "Valenzuela", "Castillo", "Tapia", "Reyes", "Gutiérrez",
            "Castro", "Pizarro", "Álvarez", "Vásquez", "Sánchez", "Fernández", "Ramírez", "Carrasco", "Gómez",
            "Cortés", "Herrera", "Núñez", "Jara", "Vergara", "Rivera", "Figueroa", "Riquelme", "García", "Miranda",
            "Bravo", "Vera", "Molina", "Vega", "Campos", "Sandoval", "Orellana", "Cárdenas", "Olivares", "Alarcón",
            "Gallardo", "Ortiz", "Garrido", "Salazar", "Guzmán", "Henríquez", "Saavedra", "Navarro", "Aguilera",
            "Parra", "Romero", "Aravena", "Vargas", "Vidal", "Cáceres", "Yáñez", "Leiva", "Escobar", "Ruiz",
            "Valdés", "Salinas", "Zúñiga", "Peña", "Godoy", "Lagos", "Maldonado", "Bustos", "Medina", "Palma",
            "Pino", "Moreno", "Sanhueza", "Carvajal", "Navarrete", "Sáez", "Alvarado", "Donoso", "Poblete",
            "Bustamante", "Toro", "Ortega", "Venegas", "Guerrero", "Paredes", "Farías");
    /** Common Mapuche surnames, weighted in for residents of La Araucanía and Biobío. */
    static final List<Surname> MAPUCHE_SURNAMES = spanish("Painemal", "Catrileo", "Millanao", "Quintriqueo",
            "Colipi", "Llancaqueo", "Curinao", "Huaiquil", "Ñancupil", "Antileo");
    static final List<String> CHILE_RELATIONS = List.of("Madre", "Padre", "Hermana", "Hermano", "Pareja", "Abuela",
            "Tía");

    static final List<String> BELARUS_MALE_NAMES = List.of("Aliaksandr", "Siarhei", "Dzmitry", "Andrei",
            "Aliaksei", "Uladzimir", "Mikalai", "Ivan", "Pavel", "Maksim", "Artsiom", "Yauhen", "Viktar", "Raman",
            "Dzianis", "Ihar", "Kiryl", "Mikhail", "Vadzim", "Yury", "Anton", "Ilya", "Stanislau", "Uladzislau",
            "Vasil", "Leanid", "Aleh", "Ruslan", "Mikita", "Yahor", "Sergei", "Dmitri", "Alexei", "Nikolai");
    static final List<String> BELARUS_FEMALE_NAMES = List.of("Aliaksandra", "Maryia", "Volha", "Hanna",
            "Tatsiana", "Iryna", "Natallia", "Katsiaryna", "Alena", "Yuliya", "Sviatlana", "Darya", "Palina",
            "Viktoryia", "Nastassia", "Liudmila", "Valiantsina", "Yana", "Alesia", "Kseniya", "Olga", "Tatiana",
            "Ekaterina", "Elena");
    static final List<Surname> BELARUS_SURNAMES = List.of(
            same("Kavalenka"), pair("Ivanou", "Ivanava"), pair("Kazlou", "Kazlova"), pair("Novikau", "Novikava"),
            pair("Marozau", "Marozava"), same("Pauliuchenka"), same("Shauchuk"), same("Karpovich"), same("Zhuk"),
            same("Kuzmich"), same("Sidarenka"), same("Bandar"), pair("Tkachou", "Tkachova"), pair("Volkau", "Volkava"),
            same("Yakubovich"), same("Melnik"), same("Hrynevich"), same("Kastsiuk"), same("Klimovich"),
            same("Marchuk"), same("Shpak"), pair("Savitski", "Savitskaya"), pair("Lisouski", "Lisouskaya"),
            pair("Baranau", "Baranava"), pair("Dubrouski", "Dubrouskaya"), pair("Sakalou", "Sakalova"),
            pair("Karaleu", "Karaleva"), pair("Zaitsau", "Zaitsava"), pair("Hancharou", "Hancharova"),
            same("Hurynovich"), pair("Paliakou", "Paliakova"), same("Bahdanovich"), same("Stankevich"),
            same("Radzevich"), pair("Zhukouski", "Zhukouskaya"), same("Lapko"), same("Pashkevich"), same("Kulesh"),
            same("Harbach"), same("Yurkevich"), pair("Kotau", "Kotava"), same("Filipovich"), same("Makarevich"),
            pair("Vasilyeu", "Vasilyeva"), same("Tsarenka"), same("Prakapovich"), pair("Smirnou", "Smirnova"),
            same("Lahvinovich"), pair("Kuznetsou", "Kuznetsova"), same("Charnyshevich"));
    static final List<String> BELARUS_RELATIONS = List.of("Mother", "Father", "Wife", "Husband", "Sister",
            "Brother", "Partner", "Daughter");

    static final List<String> CHILE_NOTES = List.of(
            "Estudiante de enseñanza media; la familia pide apoyo para la defensa.",
            "Trabajador independiente; la familia perdió su principal ingreso durante la prisión preventiva.",
            "Tiene dos hijos menores de edad.",
            "Se contagió de COVID-19 en el módulo (2020).",
            "Apoyado por su asamblea territorial.",
            "Primera detención; sin antecedentes penales.",
            "La familia viaja desde otra región para las visitas.",
            "Solicitó continuar sus estudios universitarios desde el penal.");
    static final List<String> BELARUS_NOTES = List.of(
            "Worked at a state enterprise; dismissed after the arrest.",
            "Letters from supporters are not delivered.",
            "Held in a punishment cell several times.",
            "Listed as an 'extremist'; bank accounts frozen.",
            "Has a child under ten; the family needs support.",
            "Chronic illness; medical care delayed.",
            "Marked with a yellow tag as 'prone to extremism'.",
            "Family left the country after the arrest.");

    static final List<String> CHILE_ILL_TREATMENT = List.of(
            "Golpes durante la detención; lesiones constatadas en el servicio de urgencia.",
            "Desnudamiento forzado en la comisaría.",
            "Impacto de perdigón en una pierna al momento de la detención.",
            "Amenazas y golpes en el carro policial.",
            "Lesiones por gas lacrimógeno disparado a corta distancia.");
    static final List<String> BELARUS_ILL_TREATMENT = List.of(
            "Beaten in the yard of the detention centre; forced to kneel for hours.",
            "Overcrowded cell without beds or drinking water for two days.",
            "Beaten during the arrest; bruises recorded by relatives after transfer.",
            "Denied medicine and visits from the lawyer for weeks.",
            "Forced to record a 'repentance' video.");

    static final List<String> CHILE_LEGAL_NOTES = List.of(
            "La defensa solicita peritaje de las imágenes de cámaras corporales.",
            "Pendiente el análisis de laboratorio de las muestras incautadas.",
            "La querella del Ministerio del Interior invoca la Ley de Seguridad del Estado.",
            "Se discute la legalidad de la detención por falta de registro audiovisual.",
            "Las declaraciones de los funcionarios aprehensores son contradictorias.");
    static final List<String> BELARUS_LEGAL_NOTES = List.of(
            "Trial held behind closed doors.",
            "The defence lawyer lost the licence during the case; a new lawyer took over.",
            "The evidence is a video broadcast by a state TV channel.",
            "Family not allowed into the courtroom.",
            "Confession obtained without a lawyer present.");

    static final List<String> CHILE_PROTECTIVE_MEASURES = List.of(
            "Medidas cautelares solicitadas a la CIDH; acompañamiento en audiencias.",
            "Ronda policial en el domicilio; teléfono de emergencia del colectivo.",
            "Cambio temporal de domicilio; comunicaciones solo por mensajería cifrada.");
    static final List<String> BELARUS_PROTECTIVE_MEASURES = List.of(
            "Relocated outside Belarus; works with families remotely.",
            "Encrypted messaging only; no travel to Belarus.",
            "Emergency relocation fund on standby; digital security audit done.");

    private DemoVocabulary() {
    }

    private static List<Surname> spanish(String... names) {
        return java.util.Arrays.stream(names).map(DemoVocabulary::same).toList();
    }

    private static Surname same(String name) {
        return new Surname(name, name);
    }

    private static Surname pair(String male, String female) {
        return new Surname(male, female);
    }
}
