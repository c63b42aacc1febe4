package cn.zs.civil.archive;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.Masking;
import cn.zs.civil.application.Sequences;
import cn.zs.civil.audit.AuditLog;
import cn.zs.civil.catalogue.ServiceCatalogue;
import cn.zs.civil.documents.DocumentKind;
import cn.zs.civil.documents.DocumentService;
import cn.zs.civil.documents.DocumentText;
import cn.zs.civil.documents.DocumentText.Fact;
import cn.zs.civil.documents.DocumentText.Section;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.marriage.MarriageArchive;
import cn.zs.civil.marriage.MarriageArchive.Entry;
import cn.zs.civil.marriage.MarriageArchive.Kind;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;

/**
 * The registrar's archive counter. Every query names the person (by the keyed hash of the ID number, never the
 * number), who asked and why in the audit log before the answer leaves; a record certificate and a replacement are
 * issued in one transaction with their audit entry, so neither stands without the other.
 */
@Service
class ArchiveService {

    /** Who asks: the person themself, or an authority with a letter (法院、公安、检察院等的协查函). */
    enum Requester { PARTY, AUTHORITY }

    static final int MAX_ID = 32;
    static final int MAX_NAME = 50;
    static final int MAX_PURPOSE = 200;
    static final int MAX_REQUESTER = 200;
    static final int MAX_CERTIFICATE = 40;
    /** Resident IDs, passports, travel permits: letters, digits and the brackets of a Hong Kong ID. */
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9A-Za-z()（）-]{5,32}");
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final String MARRIAGE_SERVICE = "marriage-registration";
    static final Set<DocumentKind> KINDS = Set.of(DocumentKind.MARRIAGE_REPLACEMENT, DocumentKind.DIVORCE_REPLACEMENT,
            DocumentKind.MARRIAGE_RECORD_CERTIFICATE);

    private final MarriageArchive archive;
    private final DocumentService documents;
    private final ApplicationService applications;
    private final ServiceCatalogue catalogue;
    private final Sequences sequences;
    private final AuditLog audit;
    private final MessageSource messages;
    private final TransactionTemplate tx;

    ArchiveService(MarriageArchive archive, DocumentService documents, ApplicationService applications,
            ServiceCatalogue catalogue, Sequences sequences, AuditLog audit, MessageSource messages,
            TransactionTemplate tx) {
        this.archive = archive;
        this.documents = documents;
        this.applications = applications;
        this.catalogue = catalogue;
        this.sequences = sequences;
        this.audit = audit;
        this.messages = messages;
        this.tx = tx;
    }

    /** An archive query as the registrar states it. {@code name}: the person's name, printed on a certificate. */
    record Query(String idNumber, String name, String purpose, String requesterKind, String requesterText) {
    }

    record Replacement(String certificateNo, String idNumber) {
    }

    /** What a query found, and the document a certificate or replacement issued (null for a plain query). */
    record Answer(List<Entry> records, LocalDateTime queriedAt, DocumentService.Listed document, String replacementNo) {
    }

    Answer query(PlatformUser registrar, Query query, Locale locale) {
        requireRegistrar(registrar);
        Query q = valid(query, false, locale);
        return tx.execute(s -> {
            List<Entry> records = archive.of(q.idNumber());
            audited(registrar, "MARRIAGE_ARCHIVE_QUERIED", q, records, null);
            return new Answer(records, BusinessTime.now(), null, null);
        });
    }

    Answer recordCertificate(PlatformUser registrar, Query query, Locale locale) {
        requireRegistrar(registrar);
        Query q = valid(query, true, locale);
        return tx.execute(s -> {
            List<Entry> records = archive.of(q.idNumber());
            LocalDateTime now = BusinessTime.now();
            String reference = "HYJL-" + now.getYear() + "-" + String.format("%06d",
                    sequences.draw("marriage-record-certificate-" + now.getYear()));
            DocumentService.Listed issued = documents.issueText(reference, DocumentKind.MARRIAGE_RECORD_CERTIFICATE,
                    recordCertificate(reference, q, records));
            audited(registrar, "MARRIAGE_RECORD_CERTIFIED", q, records, issued.document().serialNo());
            return new Answer(records, now, issued, null);
        });
    }

    /**
     * 补领 (2025 regulations Art. 21): the archive is checked first. Refused when it holds no registration under the
     * number, when the one asking is not one of its two parties (no agent), and for a marriage the archive shows
     * dissolved by a divorce.
     */
    Answer replacement(PlatformUser registrar, Replacement request, Locale locale) {
        requireRegistrar(registrar);
        String certificateNo = request == null ? null : request.certificateNo();
        String idNumber = request == null ? null : request.idNumber();
        List<FieldProblem> problems = new ArrayList<>();
        certificateNo = required(problems, "certificateNo", certificateNo, MAX_CERTIFICATE, locale);
        idNumber = idNumber(problems, idNumber, locale);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        String number = certificateNo;
        Entry entry = archive.byCertificate(number).orElseThrow(() -> refused("certificateNo",
                "archive.noRecord", locale, number));
        if (!archive.isParty(entry, idNumber)) {
            throw refused("idNumber", "archive.notAParty", locale, entry.certificateNo());
        }
        if (entry.dissolvedBy() != null) {
            throw refused("certificateNo", "archive.dissolved", locale, entry.certificateNo(), entry.dissolvedBy());
        }
        String requester = idNumber;
        return tx.execute(s -> {
            String replacementNo = archive.replacementNumber(entry, registrar.id(), requester);
            DocumentKind kind = entry.kind() == Kind.MARRIAGE ? DocumentKind.MARRIAGE_REPLACEMENT
                    : DocumentKind.DIVORCE_REPLACEMENT;
            DocumentService.Listed issued = documents.issueText(entry.applicationNo(), kind,
                    replacementText(kind, replacementNo, entry));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("replacementNo", replacementNo);
            after.put("certificateNo", entry.certificateNo());
            after.put("applicationNo", entry.applicationNo());
            after.put("document", issued.document().serialNo());
            audit.byUser(registrar.id(), registrar.roles(), "MARRIAGE_CERTIFICATE_REPLACED",
                    "person:" + archive.keyOf(requester), "OK", Map.of(), after);
            return new Answer(List.of(entry), BusinessTime.now(), issued, replacementNo);
        });
    }

    DocumentService.Download download(PlatformUser registrar, String serialNo) {
        requireRegistrar(registrar);
        return documents.downloadIssued(serialNo, KINDS);
    }

    String verifyUrl(String token) {
        return documents.verifyUrl(token);
    }

    /** The registrars of the marriage counter: those who may register a marriage (role and group). */
    private void requireRegistrar(PlatformUser user) {
        boolean registrar = catalogue.find(MARRIAGE_SERVICE).map(s -> applications.maySubmit(user, s)).orElse(false);
        if (!registrar) {
            throw ApiException.forbidden("archive.notRegistrar");
        }
    }

    /** Who looked up whom, why and for whom, and what was found: never the ID number, only its keyed hash. */
    private void audited(PlatformUser registrar, String action, Query q, List<Entry> records, String document) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("purpose", q.purpose());
        after.put("requester", q.requesterKind());
        if (q.requesterText() != null) {
            after.put("requesterText", q.requesterText());
        }
        after.put("records", records.stream().map(Entry::certificateNo).toList());
        if (document != null) {
            after.put("document", document);
        }
        audit.byUser(registrar.id(), registrar.roles(), action, "person:" + archive.keyOf(q.idNumber()), "OK",
                Map.of(), after);
    }

    private Query valid(Query query, boolean certificate, Locale locale) {
        Query q = query == null ? new Query(null, null, null, null, null) : query;
        List<FieldProblem> problems = new ArrayList<>();
        String id = idNumber(problems, q.idNumber(), locale);
        String name = certificate ? required(problems, "name", q.name(), MAX_NAME, locale) : null;
        String purpose = required(problems, "purpose", q.purpose(), MAX_PURPOSE, locale);
        Requester requester = null;
        if (q.requesterKind() == null || q.requesterKind().isBlank()) {
            problems.add(FieldProblems.labelled(messages, locale, "requesterKind", "archive.label.requesterKind",
                    "form.required"));
        } else {
            try {
                requester = Requester.valueOf(q.requesterKind().strip());
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblems.labelled(messages, locale, "requesterKind", "archive.label.requesterKind",
                        "form.notOption"));
            }
        }
        String requesterText = q.requesterText() == null || q.requesterText().isBlank() ? null
                : q.requesterText().strip();
        if (requester == Requester.AUTHORITY || requesterText != null) {
            requesterText = required(problems, "requesterText", requesterText, MAX_REQUESTER, locale);
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new Query(id, name, purpose, requester.name(), requesterText);
    }

    private String idNumber(List<FieldProblem> problems, String value, Locale locale) {
        String id = required(problems, "idNumber", value, MAX_ID, locale);
        if (id != null && !ID_NUMBER.matcher(id).matches()) {
            problems.add(FieldProblems.of(messages, locale, "idNumber", "archive.label.idNumber",
                    "archive.idNumberInvalid"));
            return null;
        }
        return id;
    }

    private String required(List<FieldProblem> problems, String field, String value, int max, Locale locale) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblems.labelled(messages, locale, field, "archive.label." + field, "form.required"));
            return null;
        }
        if (value.strip().length() > max) {
            problems.add(FieldProblems.labelled(messages, locale, field, "archive.label." + field, "form.tooLong",
                    max));
            return null;
        }
        return value.strip();
    }

    private ApiException refused(String field, String code, Locale locale, Object... args) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, List.of(FieldProblems.of(messages, locale, field,
                "archive.label." + field, code, args)), code, args);
    }

    /** 婚姻登记记录证明: what the archive holds for the person, or that it holds no record. */
    private DocumentText recordCertificate(String reference, Query q, List<Entry> records) {
        String masked = Masking.numbersIn(q.idNumber(), Set.of());
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(zh("archive.doc.reference"), reference));
        facts.add(new Fact(zh("archive.doc.name"), q.name()));
        facts.add(new Fact(zh("archive.doc.idNumber"), masked));
        facts.add(new Fact(zh("archive.doc.purpose"), q.purpose()));
        facts.add(new Fact(zh("archive.doc.requester"), Requester.PARTY.name().equals(q.requesterKind())
                ? zh("archive.requester.PARTY") : q.requesterText()));
        facts.add(new Fact(zh("archive.doc.result"), records.isEmpty() ? zh("archive.doc.none")
                : zh("archive.doc.found", records.size())));
        int i = 1;
        for (Entry e : records) {
            facts.add(new Fact(zh("archive.doc.record", i++), recordLine(e)));
        }
        facts.add(new Fact(zh("document.registry"), zh("document.registryName")));
        List<String> body = new ArrayList<>();
        body.add(records.isEmpty() ? zh("archive.doc.body.none", q.name(), masked)
                : zh("archive.doc.body.found", q.name(), masked));
        body.add(zh("archive.doc.scope"));
        return new DocumentText(zh("document.kind.MARRIAGE_RECORD_CERTIFICATE"), facts, List.of(new Section(null, body)));
    }

    private String recordLine(Entry e) {
        String line = zh("archive.doc.recordLine." + e.kind(), day(e.registeredOn()), e.registryZh(),
                e.certificateNo(), e.partyAName(), e.partyBName());
        return e.dissolvedBy() == null ? line : line + zh("archive.doc.dissolved", e.dissolvedBy());
    }

    /** The replacement e-copy: its own number, the original registration it stands for, the parties (masked). */
    private DocumentText replacementText(DocumentKind kind, String replacementNo, Entry e) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(zh("archive.doc.replacementNo." + e.kind()), replacementNo));
        facts.add(new Fact(zh("archive.doc.originalNo." + e.kind()), e.certificateNo()));
        facts.add(new Fact(zh("document.registeredOn"), day(e.registeredOn())));
        facts.add(new Fact(zh("document.partyA"), e.partyAName()));
        facts.add(new Fact(zh("document.partyAId"), e.partyAIdMasked()));
        facts.add(new Fact(zh("document.partyB"), e.partyBName()));
        facts.add(new Fact(zh("document.partyBId"), e.partyBIdMasked()));
        facts.add(new Fact(zh("document.applicationNo"), e.applicationNo()));
        facts.add(new Fact(zh("archive.doc.reissuedOn"), day(BusinessTime.now().toLocalDate())));
        facts.add(new Fact(zh("document.registry"), zh("document.registryName")));
        return new DocumentText(zh("document.kind." + kind), facts, List.of(new Section(null,
                List.of(zh("archive.doc.body.replacement." + e.kind(), day(e.registeredOn()), e.certificateNo(),
                        replacementNo)))));
    }

    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, ZH);
    }

    private static String day(LocalDate d) {
        return d == null ? "" : d.format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
    }
}
