package cn.zs.civil.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The external registries the bureau may consult instead of asking applicants for paper (Decree 716 Art. 7):
 * public-security identity and hukou, the death register, the social-assistance system and the provincial funeral
 * database. Production binds HTTP adapters; the embedded default and the tests bind {@link DemoRegistry}.
 * Every method may throw {@link RegistryUnavailableException}: callers let the engine retry, never decide on
 * missing data.
 */
public final class Registries {

    private Registries() {
    }

    /** Public security: identity and household registration (hukou). */
    public interface IdentityRegistry {
        Optional<Person> person(String idNumber);

        /**
         * The household (户) the person's hukou is registered in and the relation to its head, where the registry
         * shares it; none where it does not (the default).
         */
        default Optional<Household> household(String idNumber) {
            return Optional.empty();
        }
    }

    /** Health / public security death register. */
    public interface DeathRegister {
        Optional<DeathRecord> death(String idNumber);
    }

    /** Social assistance: 特困 (TEKUN), 低保 (DIBAO), 优抚 (YOUFU) or NONE. */
    public interface AssistanceRegistry {
        String assistanceStatus(String idNumber);
    }

    /** The provincial funeral database: cremation records and waivers granted anywhere in the province. */
    public interface FuneralRegistry {
        Optional<CremationRecord> cremation(String certificateNo);

        List<CremationRecord> cremationsOf(String idNumber);
    }

    /**
     * The national basic marriage-information database (全国婚姻基础信息库, 2025 regulations Art. 4): each person's
     * marital status and current marriage; registrations are reported back to it.
     */
    public interface MarriageRegistry {
        MaritalRecord maritalRecord(String idNumber);

        /**
         * The record with the database's own number for this answer, kept with the case as the query's snapshot
         * (brief §1(d)); null where the interface gives none.
         */
        default MaritalAnswer maritalAnswer(String idNumber) {
            return new MaritalAnswer(maritalRecord(idNumber), null);
        }

        void recordMarriage(String idNumberA, String idNumberB, String certificateNo, LocalDate date);

        void recordDivorce(String idNumberA, String idNumberB, String certificateNo, LocalDate date);
    }

    /** status: SINGLE, MARRIED, DIVORCED, WIDOWED or UNKNOWN (no record). */
    public record MaritalRecord(String idNumber, String status, String spouseIdNumber, String certificateNo,
            LocalDate marriageDate, String registryDivision) {
    }

    /** A marital record as the database answered it, with the answer's number (null: none given). */
    public record MaritalAnswer(MaritalRecord record, String responseId) {
    }

    /**
     * A place in a household register: its number and the relation to the head (户主关系) as the register codes it:
     * HEAD, SPOUSE, CHILD, GRANDCHILD, PARENT, GRANDPARENT, SIBLING, CHILD_IN_LAW, OTHER.
     */
    public record Household(String householdNo, String relationToHead) {
    }

    public record Person(String idNumber, String name, String sex, LocalDate birthDate, String hukouDivision,
            String hukouDistrict, String maritalStatus) {
    }

    public record DeathRecord(String idNumber, LocalDate date, String certificateNo, String placeDivision) {
    }

    public record CremationRecord(String idNumber, String certificateNo, String funeralHome, LocalDate date,
            boolean waived) {
    }
}
