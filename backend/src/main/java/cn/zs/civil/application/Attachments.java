package cn.zs.civil.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.tika.Tika;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import cn.zs.civil.forms.FormDefinition;
import cn.zs.civil.forms.FormField;
import cn.zs.civil.forms.ValidatedForm;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.protection.DataCipher;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;

/**
 * Uploaded materials. The type is sniffed from the bytes (Apache Tika), never trusted from the name or the
 * browser; the name must agree with it; a SHA-256 checksum is kept. Files are uploaded first, then referenced by
 * id from a form's file field, which links them to the case.
 */
@Component
public class Attachments {

    private static final Map<String, Set<String>> EXTENSIONS = Map.of(
            "application/pdf", Set.of("pdf"),
            "image/jpeg", Set.of("jpg", "jpeg"),
            "image/png", Set.of("png"));

    private final ApplicationMapper mapper;
    private final UploadProperties properties;
    private final MessageSource messages;
    private final Tika tika = new Tika();

    private final DataCipher cipher;
    private final AttachmentStores.Stores stores;
    private final Semaphore filesInMemory;

    Attachments(ApplicationMapper mapper, UploadProperties properties, MessageSource messages, DataCipher cipher,
            AttachmentStores.Stores stores) {
        this.cipher = cipher;
        this.stores = stores;
        this.mapper = mapper;
        this.properties = properties;
        this.messages = messages;
        this.filesInMemory = new Semaphore(properties.inMemory());
    }

    /**
     * {@code inMemory}: how many files a node holds in memory at once (read, sealed and written: about four times
     * the file's size each); the next waits up to {@code waitFor}, then is told to try again shortly (503 with
     * Retry-After), so that a burst of large uploads cannot exhaust the heap.
     */
    @ConfigurationProperties("platform.uploads")
    record UploadProperties(long maxBytes, List<String> allowedTypes, Integer inMemory, Duration waitFor) {
        UploadProperties {
            inMemory = inMemory == null || inMemory < 1 ? 4 : inMemory;
            waitFor = waitFor == null ? Duration.ofSeconds(5) : waitFor;
        }
    }

    public AttachmentRow upload(PlatformUser user, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw rejected("upload.empty");
        }
        if (file.getSize() > properties.maxBytes()) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "upload.tooLarge");
        }
        String name = safeName(file.getOriginalFilename());
        return inMemory("upload.busy", () -> {
            byte[] content;
            try (InputStream in = file.getInputStream()) {
                content = in.readNBytes((int) properties.maxBytes() + 1);
            } catch (IOException e) {
                throw rejected("upload.unreadable");
            }
            return checkAndStore(user, name, content);
        });
    }

    /** Stores a file after the same checks as an upload: size, sniffed type, name agreeing with the type. */
    public AttachmentRow store(PlatformUser user, String fileName, byte[] content) {
        return inMemory("upload.busy", () -> checkAndStore(user, fileName, content));
    }

    /**
     * Hands a file's plain bytes to {@code writer} (the response) under the same bound as uploads: a node holds at
     * most {@code inMemory} files at once, read, opened and written, so that many downloads of large files at once
     * cannot exhaust the heap either; the next waits up to {@code waitFor}, then gets 503 with Retry-After.
     */
    public void sendContent(String id, java.util.function.Consumer<byte[]> writer) {
        inMemory("download.busy", () -> {
            writer.accept(content(id));
            return null;
        });
    }

    private <T> T inMemory(String busyMessage, Supplier<T> work) {
        boolean held;
        try {
            held = filesInMemory.tryAcquire(properties.waitFor().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            held = false;
        }
        if (!held) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, busyMessage).retryAfter(5);
        }
        try {
            return work.get();
        } finally {
            filesInMemory.release();
        }
    }

    private AttachmentRow checkAndStore(PlatformUser user, String fileName, byte[] content) {
        String name = safeName(fileName);
        if (content.length == 0) {
            throw rejected("upload.empty");
        }
        if (content.length > properties.maxBytes()) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "upload.tooLarge");
        }
        String type = sniff(content);
        if (!properties.allowedTypes().contains(type)) {
            throw rejected("upload.typeNotAllowed");
        }
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!EXTENSIONS.getOrDefault(type, Set.of()).contains(extension)) {
            throw rejected("upload.nameDisagreesWithContent");
        }
        AttachmentRow row = new AttachmentRow(UUID.randomUUID().toString(), user.id(), null, null, name, type,
                content.length, sha256(content), BusinessTime.now());
        byte[] sealed = cipher.sealBytes(content, row.id());
        AttachmentStore store = stores.current();
        // Outside the row, the bytes are written first: a row never points at bytes that are not there (bytes
        // without a row, if the insert fails, are removed with the unlinked uploads).
        store.put(row.id(), sealed);
        mapper.insertAttachment(row, store.inRow() ? sealed : new byte[0], cipher.activeKeyId(), store.name());
        return row;
    }

    public AttachmentRow find(String id) {
        AttachmentRow row = id == null ? null : mapper.findAttachment(id);
        if (row == null) {
            throw ApiException.notFound("attachment.notFound");
        }
        return row;
    }

    /** A file's plain bytes, outside the memory bound: for small files read by the platform itself. */
    public byte[] content(String id) {
        ApplicationMapper.AttachmentBlob blob = mapper.findAttachmentContent(id);
        if (blob == null) {
            return new byte[0];
        }
        AttachmentStore store = stores.of(blob.contentStore());
        return cipher.openBytes(store.inRow() ? blob.content() : store.get(id), id);
    }

    public List<AttachmentRow> ofCase(String applicationNo) {
        return mapper.findAttachments(applicationNo);
    }

    /** Files referenced by a form must exist, be the caller's own, and not belong to another case. */
    List<FieldProblem> checkUsable(PlatformUser user, FormDefinition form, ValidatedForm checked, String applicationNo,
            Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FormField field : form.valueFields()) {
            if (!"filepicker".equals(field.type()) || !checked.values().containsKey(field.key())) {
                continue;
            }
            for (String id : ids(checked.values().get(field.key()))) {
                AttachmentRow row = mapper.findAttachment(id);
                boolean usable = row != null && row.ownerId().equals(user.id())
                        && (row.applicationNo() == null || row.applicationNo().equals(applicationNo));
                if (!usable) {
                    String label = field.label("en".equals(locale.getLanguage()));
                    problems.add(new FieldProblem(field.key(), label, "form.notAttachment",
                            messages.getMessage("form.notAttachment", new Object[] {label}, locale)));
                }
            }
        }
        return problems;
    }

    void link(PlatformUser user, String applicationNo, FormDefinition form, ValidatedForm checked) {
        for (FormField field : form.valueFields()) {
            if ("filepicker".equals(field.type()) && checked.values().containsKey(field.key())) {
                for (String id : ids(checked.values().get(field.key()))) {
                    mapper.linkAttachment(id, applicationNo, field.key());
                }
            }
        }
    }

    private static List<String> ids(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    /** A plain file name: no directories, no traversal, no control characters, at most 200 characters. */
    static String safeName(String original) {
        if (original == null || original.isBlank() || original.length() > 200 || original.contains("/")
                || original.contains("\\") || original.contains("..") || original.startsWith(".")
                || original.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw rejected("upload.badName");
        }
        return original.strip();
    }

    private String sniff(byte[] content) {
        try {
            return tika.detect(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw rejected("upload.unreadable");
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException rejected(String key) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, key);
    }
}
