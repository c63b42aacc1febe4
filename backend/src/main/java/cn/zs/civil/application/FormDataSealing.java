package cn.zs.civil.application;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.forms.FormDefinitions;
import cn.zs.civil.protection.DataCipher;
import cn.zs.civil.protection.KeyedHash;

/**
 * At start-up, seals every case whose form data, subject name or query code (each of the last two given its keyed
 * hash too: {@link QueryCodes}, {@link SubjectNameKeys}), and every
 * uploaded file whose content, is still in
 * plain text (written before encryption at rest) or
 * sealed with a key that no longer comes first (a rotation). Batches of rows are locked while they are re-sealed,
 * so a correction saved at the same moment waits and is never overwritten with the old values; several nodes
 * starting together share the work the same way. Cases written before {@code application_name_key} are given the
 * keys of their names ({@link SubjectNameKeys}) from their opened form data.
 */
@Component
class FormDataSealing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FormDataSealing.class);

    private final ApplicationMapper mapper;
    private final DataCipher cipher;
    private final QueryCodes queryCodes;
    private final SubjectNameKeys subjectKeys;
    private final TransactionTemplate tx;
    private final int batch;
    private final AttachmentStores.Stores stores;
    private final FormDefinitions forms;
    private final ObjectMapper json;

    FormDataSealing(ApplicationMapper mapper, DataCipher cipher, KeyedHash hash, TransactionTemplate tx,
            @Value("${platform.data-protection.reseal-batch:200}") int batch, AttachmentStores.Stores stores,
            FormDefinitions forms, ObjectMapper json) {
        this.forms = forms;
        this.json = json;
        this.stores = stores;
        this.mapper = mapper;
        this.cipher = cipher;
        this.queryCodes = new QueryCodes(cipher, hash);
        this.subjectKeys = new SubjectNameKeys(hash);
        this.tx = tx;
        this.batch = batch;
    }

    @Override
    public void run(ApplicationArguments args) {
        int sealed = resealAll();
        if (sealed > 0) {
            log.info("Sealed the form data of {} cases with key '{}'", sealed, cipher.activeKeyId());
        }
        int keyed = keyNamesOfEarlierCases();
        if (keyed > 0) {
            log.info("Keyed the names of {} earlier cases for the queue's name search", keyed);
        }
    }

    /**
     * Gives every case that has a subject and no name keys the keys of its names; returns how many. By id, one batch
     * at a time; a case whose start form is gone (a process no longer deployed) keeps none and is passed over.
     */
    int keyNamesOfEarlierCases() {
        int total = 0;
        long after = 0;
        while (true) {
            List<ApplicationMapper.UnkeyedRow> rows = mapper.findUnkeyed(after, batch);
            for (ApplicationMapper.UnkeyedRow row : rows) {
                Integer one = tx.execute(s -> {
                    cn.zs.civil.forms.FormDefinition form;
                    try {
                        form = forms.startForm(row.processDefinitionId());
                    } catch (RuntimeException notDeployed) {
                        return 0;
                    }
                    if (form == null) {
                        return 0;
                    }
                    subjectKeys.store(mapper, row.applicationNo(), form, values(row));
                    return 1;
                });
                total += one == null ? 0 : one;
                after = row.id();
            }
            if (rows.size() < batch) {
                return total;
            }
        }
    }

    private Map<String, Object> values(ApplicationMapper.UnkeyedRow row) {
        try {
            return json.readValue(cipher.open(row.formData(), row.applicationNo()), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the form data of " + row.applicationNo() + " is not JSON", e);
        }
    }

    /** Re-seals until no row is left in plain text or under an older key; returns how many rows it sealed. */
    int resealAll() {
        int total = 0;
        while (true) {
            Integer done = tx.execute(s -> {
                List<ApplicationMapper.SealableRow> rows = mapper.lockUnsealed(cipher.currentPrefix() + "%", batch);
                for (ApplicationMapper.SealableRow row : rows) {
                    String plain = cipher.open(row.formData(), row.applicationNo());
                    String name = SubjectNames.open(cipher, row.applicationNo(), row.subjectName());
                    String code = queryCodes.open(row.applicationNo(), row.queryCode());
                    mapper.updateSealedFormData(row.applicationNo(), cipher.seal(plain, row.applicationNo()),
                            SubjectNames.seal(cipher, row.applicationNo(), name), queryCodes.seal(row.applicationNo(), code),
                            row.queryHash() != null ? row.queryHash() : queryCodes.hash(code));
                }
                return rows.size();
            });
            total += done == null ? 0 : done;
            if (done == null || done < batch) {
                break;
            }
        }
        while (true) {
            // Uploaded files: read one batch into memory at a time (at most batch × the upload limit).
            Integer done = tx.execute(s -> {
                List<ApplicationMapper.SealableFile> files = mapper.lockUnsealedAttachments(cipher.activeKeyId(),
                        Math.max(1, batch / 20));
                for (ApplicationMapper.SealableFile file : files) {
                    AttachmentStore store = stores.of(file.contentStore());
                    byte[] plain = cipher.openBytes(store.inRow() ? file.content() : store.get(file.id()), file.id());
                    byte[] sealed = cipher.sealBytes(plain, file.id());
                    // A file outside the row is replaced in one move; the row then records the key that sealed it.
                    store.put(file.id(), sealed);
                    mapper.updateSealedAttachment(file.id(), store.inRow() ? sealed : new byte[0],
                            cipher.activeKeyId());
                }
                return files.size();
            });
            total += done == null ? 0 : done;
            if (done == null || done < Math.max(1, batch / 20)) {
                return total;
            }
        }
    }
}
