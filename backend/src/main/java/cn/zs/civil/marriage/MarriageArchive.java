package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.DIVORCE_SERVICE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.Masking;
import cn.zs.civil.application.Sequences;
import cn.zs.civil.forms.FormDefinitions;
import cn.zs.civil.forms.FormField;
import cn.zs.civil.registry.IdNumberKeys;

/**
 * The marriage-registration archive (婚姻登记档案管理办法 Arts 2, 4): the marriages and divorces the platform
 * registered, found by a party's ID number through its keyed hash (never the number itself in SQL), each with its
 * certificate number, date, registry and the two names as the case recorded them. A marriage is dissolved when the
 * archive also holds a divorce of the same two people registered on or after it. Replacement certificate numbers
 * (补领, 2025 regulations Art. 21) are drawn here, where the certificate numbers are; the registration itself is
 * never changed.
 */
@Service
public class MarriageArchive {

    public enum Kind { MARRIAGE, DIVORCE }

    /**
     * A registration as the archive holds it. {@code dissolvedBy}: for a marriage, the certificate number of the
     * divorce that ended it (null while it stands); {@code replacements}: the replacement certificates issued for it.
     * ID numbers only masked, as the e-copy prints them.
     */
    public record Entry(String applicationNo, Kind kind, LocalDate registeredOn, String registryZh, String registryEn,
            String certificateNo, String partyAName, String partyAIdMasked, String partyBName, String partyBIdMasked,
            String dissolvedBy, List<String> replacements) {
    }

    private final MarriageMapper mapper;
    private final IdNumberKeys keys;
    private final ApplicationService applications;
    private final FormDefinitions forms;
    private final Sequences sequences;
    private final String format;
    private final String division;
    private final String marriagePrefix;
    private final String divorcePrefix;

    MarriageArchive(MarriageMapper mapper, IdNumberKeys keys, ApplicationService applications, FormDefinitions forms,
            Sequences sequences, @Value("${platform.marriage.certificate-format:%s%s-%d-%06d}") String format,
            @Value("${platform.marriage.division-code:442000}") String division,
            @Value("${platform.marriage.replacement-prefix.marriage:BJ}") String marriagePrefix,
            @Value("${platform.marriage.replacement-prefix.divorce:BL}") String divorcePrefix) {
        this.mapper = mapper;
        this.keys = keys;
        this.applications = applications;
        this.forms = forms;
        this.sequences = sequences;
        this.format = format;
        this.division = division;
        this.marriagePrefix = marriagePrefix;
        this.divorcePrefix = divorcePrefix;
    }

    /** The keyed hash of an ID number, as the archive and the audit log name a person. */
    public String keyOf(String idNumber) {
        return keys.of(idNumber.strip());
    }

    /** Every registration in which the holder of this ID number is a party, the oldest first. */
    public List<Entry> of(String idNumber) {
        return entries(mapper.archiveOf(keyOf(idNumber)));
    }

    /** The registration that was given this certificate number, if the archive holds it. */
    public Optional<Entry> byCertificate(String certificateNo) {
        MarriageMapper.ArchiveRow row = certificateNo == null ? null : mapper.archiveByCertificate(certificateNo.strip());
        if (row == null) {
            return Optional.empty();
        }
        // All registrations of its first party: the divorce that dissolved it, if any, is among them.
        String partyA = mapper.partyKeysOf(List.of(row.applicationNo())).get(0).partyKey();
        return entries(mapper.archiveOf(partyA)).stream()
                .filter(e -> e.certificateNo().equals(row.certificateNo())).findFirst();
    }

    /** Whether the holder of this ID number is one of the two parties of the registration. */
    public boolean isParty(Entry entry, String idNumber) {
        String key = keyOf(idNumber);
        return mapper.partyKeysOf(List.of(entry.applicationNo())).stream().anyMatch(p -> p.partyKey().equals(key));
    }

    /**
     * Draws and records the number of a replacement certificate for the registration (BJ / BL + division + year +
     * sequence), gap-free: call it inside the transaction that issues the replacement, so that a failure gives the
     * number back.
     */
    public String replacementNumber(Entry entry, String issuedBy, String requesterIdNumber) {
        String prefix = entry.kind() == Kind.MARRIAGE ? marriagePrefix : divorcePrefix;
        LocalDate today = BusinessTime.now().toLocalDate();
        long sequence = sequences.next(prefix + division + "-" + today.getYear());
        String no = format.formatted(prefix, division, today.getYear(), sequence);
        mapper.insertReplacement(no, entry.applicationNo(), entry.certificateNo(), prefix, today, issuedBy,
                keyOf(requesterIdNumber));
        return no;
    }

    private List<Entry> entries(List<MarriageMapper.ArchiveRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> nos = rows.stream().map(MarriageMapper.ArchiveRow::applicationNo).toList();
        Map<String, Set<String>> couples = new HashMap<>();
        for (MarriageMapper.PartyKeyRow p : mapper.partyKeysOf(nos)) {
            couples.computeIfAbsent(p.applicationNo(), n -> new HashSet<>()).add(p.partyKey());
        }
        Map<String, List<String>> replacements = new HashMap<>();
        for (MarriageMapper.ReplacementRow r : mapper.replacementsOf(nos)) {
            replacements.computeIfAbsent(r.applicationNo(), n -> new ArrayList<>()).add(r.certificateNo());
        }
        Map<String, ApplicationRow> cases = applications.byNos(nos);
        List<Entry> out = new ArrayList<>();
        for (MarriageMapper.ArchiveRow row : rows) {
            ApplicationRow c = cases.get(row.applicationNo());
            if (c == null) {
                continue;
            }
            Kind kind = DIVORCE_SERVICE.equals(row.serviceCode()) ? Kind.DIVORCE : Kind.MARRIAGE;
            String dissolvedBy = kind == Kind.DIVORCE ? null : rows.stream()
                    .filter(d -> DIVORCE_SERVICE.equals(d.serviceCode()) && !d.issuedOn().isBefore(row.issuedOn())
                            && couples.getOrDefault(d.applicationNo(), Set.of())
                                    .equals(couples.get(row.applicationNo())))
                    .map(MarriageMapper.ArchiveRow::certificateNo).findFirst().orElse(null);
            Map<String, Object> data = applications.formData(c);
            out.add(new Entry(row.applicationNo(), kind, row.issuedOn(), registryName(c, false),
                    registryName(c, true), row.certificateNo(), text(data.get("partyAName")),
                    Masking.numbersIn(text(data.get("partyAIdNumber")), Set.of()), text(data.get("partyBName")),
                    Masking.numbersIn(text(data.get("partyBIdNumber")), Set.of()), dissolvedBy,
                    List.copyOf(replacements.getOrDefault(row.applicationNo(), List.of()))));
        }
        return out;
    }

    /** The registry of the case: its district as the case's application form names it. */
    private String registryName(ApplicationRow row, boolean english) {
        if (row.processDefinitionId() == null || row.district() == null) {
            return "";
        }
        return forms.startForm(row.processDefinitionId()).fields().stream()
                .filter(f -> DivorceService.FIELD_DISTRICT.equals(f.key()) && f.options() != null).findFirst()
                .flatMap(f -> f.options().stream().filter(o -> o.value().equals(row.district())).findFirst()
                        .map(o -> english ? english(f, o) : o.label()))
                .orElse(row.district());
    }

    private static String english(FormField field, FormField.Option option) {
        return field.properties() == null ? option.label()
                : field.properties().getOrDefault("en:" + option.value(), option.label());
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
