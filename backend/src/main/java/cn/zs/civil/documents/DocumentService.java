package cn.zs.civil.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.DecisionNotices;
import cn.zs.civil.application.Sequences;
import cn.zs.civil.audit.AuditLog;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.protection.DataCipher;
import cn.zs.civil.problem.ApiException;

/**
 * Issues, keeps and checks the documents of a case. {@link #issue} is idempotent: a document is rendered and
 * stored once per case and kind (version 1); a second call, a retried delivery, or a race between two, returns the
 * one stored. The stored row holds the PDF (sealed at rest), its SHA-256 and the facts it states (sealed), which is
 * what the public verification page shows.
 */
@Service
public class DocumentService {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);
    private static final int VERSION = 1;
    /** The longest reason a revocation records. */
    static final int MAX_REASON = 500;

    private final DocumentMapper mapper;
    private final DocumentTexts texts;
    private final PdfRenderer renderer;
    private final DocumentTokens tokens;
    private final DocumentProperties properties;
    private final ApplicationService applications;
    private final DecisionNotices.Properties decisions;
    private final Sequences sequences;
    private final DataCipher cipher;
    private final AuditLog audit;
    private final ObjectMapper json;

    DocumentService(DocumentMapper mapper, DocumentTexts texts, PdfRenderer renderer, DocumentTokens tokens,
            DocumentProperties properties, ApplicationService applications, DecisionNotices.Properties decisions,
            Sequences sequences, DataCipher cipher, AuditLog audit, ObjectMapper json) {
        this.mapper = mapper;
        this.texts = texts;
        this.renderer = renderer;
        this.tokens = tokens;
        this.properties = properties;
        this.applications = applications;
        this.decisions = decisions;
        this.sequences = sequences;
        this.cipher = cipher;
        this.audit = audit;
        this.json = json;
    }

    /** A stored document as a list shows it. */
    public record Issued(String kind, String title, String serialNo, String sha256, long sizeBytes,
            LocalDateTime issuedAt, LocalDateTime revokedAt, String revokeReason) {
    }

    /**
     * The document of this kind for the case, issued now if it was not yet; empty when the case has no facts for
     * it (a refusal notice of a granted case). Safe to call again and from two places at once.
     */
    public Optional<Issued> issue(String applicationNo, DocumentKind kind) {
        DocumentMapper.DocumentRow existing = mapper.latest(applicationNo, kind.name());
        if (existing != null) {
            return Optional.of(issued(existing));
        }
        ApplicationRow row = applications.byNo(applicationNo);
        Optional<DocumentText> text = texts.of(row, kind);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        LocalDateTime now = BusinessTime.now();
        String serial = "MZWS-" + now.getYear() + "-" + String.format("%08d", sequences.draw("document-" + now.getYear()));
        byte[] pdf = renderer.render(text.get(), new PdfRenderer.Issue(decisions.authority().in(false), serial,
                DocumentTexts.day(now), properties.verifyUrl(tokens.sign(serial))));
        String facts = sealFacts(serial, text.get());
        try {
            mapper.insert(applicationNo, kind.name(), VERSION, serial, sha256(pdf), pdf.length,
                    cipher.sealBytes(pdf, context(serial)), facts, now);
            LOG.info("Issued {} of {} as {}", kind, applicationNo, serial);
        } catch (DuplicateKeyException raced) {
            // Issued by a concurrent call meanwhile: the first one stands.
        }
        return Optional.of(issued(mapper.latest(applicationNo, kind.name())));
    }

    /**
     * Issues a document its owner has laid out (the marriage archive's replacement certificates and record
     * certificates): under {@code reference} (the registration's case, or the archive query's reference), as the
     * next version of its kind there, with its own serial number and QR code. Called inside the owner's transaction:
     * the owner's record and the document stand or fall together. Not idempotent: every call issues one.
     */
    public Listed issueText(String reference, DocumentKind kind, DocumentText text) {
        if (kind.fromCase()) {
            throw new IllegalArgumentException(kind + " is issued from its case's facts");
        }
        DocumentMapper.DocumentRow previous = mapper.latest(reference, kind.name());
        int version = previous == null ? 1 : previous.version() + 1;
        LocalDateTime now = BusinessTime.now();
        String serial = "MZWS-" + now.getYear() + "-" + String.format("%08d", sequences.draw("document-" + now.getYear()));
        String token = tokens.sign(serial);
        byte[] pdf = renderer.render(text, new PdfRenderer.Issue(decisions.authority().in(false), serial,
                DocumentTexts.day(now), properties.verifyUrl(token)));
        mapper.insert(reference, kind.name(), version, serial, sha256(pdf), pdf.length,
                cipher.sealBytes(pdf, context(serial)), sealFacts(serial, text), now);
        LOG.info("Issued {} of {} as {} (version {})", kind, reference, serial, version);
        return new Listed(issued(mapper.bySerial(serial)), kind.slug(), token);
    }

    /** The public verification page of a document's token (what its QR code opens). */
    public String verifyUrl(String token) {
        return properties.verifyUrl(token);
    }

    /**
     * The PDF of a document its owner issued ({@link #issueText}) by its serial number, when it is of one of these
     * kinds; the caller has checked that the reader may have it.
     */
    public Download downloadIssued(String serialNo, java.util.Set<DocumentKind> kinds) {
        DocumentMapper.DocumentRow d = serialNo == null || serialNo.length() > 40 ? null : mapper.bySerial(serialNo);
        if (d == null || kinds.stream().noneMatch(k -> k.name().equals(d.kind()))) {
            throw ApiException.notFound("document.notFound", serialNo);
        }
        return new Download(d.serialNo() + ".pdf", bytes(d));
    }

    /** Issues every document the case has facts for now and has not got yet. */
    public List<Issued> issueDue(String applicationNo) {
        List<Issued> out = new ArrayList<>();
        for (DocumentKind kind : texts.due(applications.byNo(applicationNo))) {
            issue(applicationNo, kind).ifPresent(out::add);
        }
        return out;
    }

    /** The documents of a case this caller may read (the case's own access rule), with their tokens. */
    public List<Listed> list(PlatformUser user, String applicationNo) {
        ApplicationRow row = applications.readable(user, applicationNo);
        return mapper.ofCase(row.applicationNo()).stream()
                .map(d -> new Listed(issued(d), DocumentKind.valueOf(d.kind()).slug(), tokens.sign(d.serialNo())))
                .toList();
    }

    public record Listed(Issued document, String slug, String token) {
    }

    /** The PDF of a case's document, for a caller who may read the case. */
    public Download download(PlatformUser user, String applicationNo, String kindSlug) {
        ApplicationRow row = applications.readable(user, applicationNo);
        DocumentKind kind = DocumentKind.parse(kindSlug);
        DocumentMapper.DocumentRow d = kind == null ? null : mapper.latest(row.applicationNo(), kind.name());
        if (d == null) {
            throw ApiException.notFound("document.notFound", applicationNo);
        }
        applications.recordRead(user, row);
        return new Download(d.serialNo() + ".pdf", bytes(d));
    }

    public record Download(String fileName, byte[] pdf) {
    }

    /** What the public verification page says of a token. */
    public record Verification(Verdict verdict, String title, String serialNo, LocalDateTime issuedAt,
            LocalDateTime revokedAt, String revokeReason, List<DocumentText.Fact> facts, String authority) {
    }

    public enum Verdict {
        /** Issued by the bureau and in force. */
        VALID,
        /** Issued by the bureau, then revoked. */
        REVOKED,
        /** The token is not one the bureau signed (or names no document). */
        FORGED,
        /** The uploaded file is not the file the bureau issued under this token. */
        ALTERED
    }

    public Verification verify(String token) {
        Optional<DocumentMapper.DocumentRow> row = tokens.verify(token).map(mapper::bySerial);
        if (row.isEmpty()) {
            return new Verification(Verdict.FORGED, null, null, null, null, null, List.of(), null);
        }
        DocumentMapper.DocumentRow d = row.get();
        List<DocumentText.Fact> facts = openFacts(d);
        String title = facts.isEmpty() ? null : facts.get(0).value();
        return new Verification(d.revokedAt() == null ? Verdict.VALID : Verdict.REVOKED, title, d.serialNo(),
                d.issuedAt(), d.revokedAt(), d.revokeReason(), facts.subList(Math.min(1, facts.size()), facts.size()),
                decisions.authority().in(false));
    }

    /** The verification of a token and of an uploaded file: the file must be, byte for byte, the one issued. */
    public Verification verifyFile(String token, byte[] file) {
        Verification v = verify(token);
        if (v.verdict() == Verdict.FORGED) {
            return v;
        }
        DocumentMapper.DocumentRow d = mapper.bySerial(v.serialNo());
        if (!MessageDigest.isEqual(sha256(file).getBytes(), d.sha256().getBytes())) {
            return new Verification(Verdict.ALTERED, null, v.serialNo(), null, null, null, List.of(), v.authority());
        }
        return v;
    }

    long maxUploadBytes() {
        return properties.maxUploadBytes();
    }

    /** Revokes a case's document with a reason (checked by the caller: 1-500 characters); audited. Staff of the case only. */
    public Issued revoke(PlatformUser user, String applicationNo, String kindSlug, String reason) {
        ApplicationRow row = applications.readable(user, applicationNo);
        if (!applications.staffMaySee(user, row)) {
            throw ApiException.notFound("document.notFound", applicationNo);
        }
        DocumentKind kind = DocumentKind.parse(kindSlug);
        DocumentMapper.DocumentRow d = kind == null ? null : mapper.latest(row.applicationNo(), kind.name());
        if (d == null) {
            throw ApiException.notFound("document.notFound", applicationNo);
        }
        if (d.revokedAt() != null) {
            throw ApiException.conflict("document.alreadyRevoked");
        }
        LocalDateTime now = BusinessTime.now();
        mapper.revoke(d.id(), now, user.id(), reason.strip());
        audit.byUser(user.id(), user.roles(), "DOCUMENT_REVOKED", d.serialNo(), "OK",
                Map.of("applicationNo", applicationNo, "kind", d.kind()), Map.of("reason", reason.strip()));
        return issued(mapper.latest(row.applicationNo(), kind.name()));
    }

    private Issued issued(DocumentMapper.DocumentRow d) {
        List<DocumentText.Fact> facts = openFacts(d);
        return new Issued(DocumentKind.valueOf(d.kind()).slug(), facts.isEmpty() ? null : facts.get(0).value(),
                d.serialNo(), d.sha256(), d.sizeBytes(), d.issuedAt(), d.revokedAt(), d.revokeReason());
    }

    private byte[] bytes(DocumentMapper.DocumentRow d) {
        return cipher.openBytes(mapper.content(d.id()).content(), context(d.serialNo()));
    }

    /** The title first, then the facts the document states: what the verification page shows of it. */
    private String sealFacts(String serial, DocumentText text) {
        List<DocumentText.Fact> shown = new ArrayList<>();
        shown.add(new DocumentText.Fact("title", text.title()));
        shown.addAll(text.facts());
        try {
            return cipher.seal(json.writeValueAsString(shown), context(serial));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<DocumentText.Fact> openFacts(DocumentMapper.DocumentRow d) {
        try {
            return json.readValue(cipher.open(d.shownFacts(), context(d.serialNo())),
                    new TypeReference<List<DocumentText.Fact>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String context(String serial) {
        return "document:" + serial;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
