package cn.zs.civil.protection;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, seals every free-text value ({@link SealedText.Column}) still in plain text (written before sealing)
 * or sealed with a key that no longer comes first (a rotation), as {@code application.FormDataSealing} does for the
 * form data: batches of rows locked while they are re-sealed, so a write at the same moment waits and several nodes
 * starting together share the work.
 */
@Component
public class FreeTextSealing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FreeTextSealing.class);

    private final SealedColumnsMapper mapper;
    private final DataCipher cipher;
    private final SealedText text;
    private final TransactionTemplate tx;
    private final int batch;

    FreeTextSealing(SealedColumnsMapper mapper, DataCipher cipher, TransactionTemplate tx,
            @Value("${platform.data-protection.reseal-batch:200}") int batch) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.text = new SealedText(cipher);
        this.tx = tx;
        this.batch = batch;
    }

    /** The same step with other keys (a test of a rotation). */
    public FreeTextSealing withCipher(DataCipher other, int otherBatch) {
        return new FreeTextSealing(mapper, other, tx, otherBatch);
    }

    @Override
    public void run(ApplicationArguments args) {
        int sealed = resealAll();
        if (sealed > 0) {
            log.info("Sealed {} free-text values with key '{}'", sealed, cipher.activeKeyId());
        }
    }

    /** Re-seals until no value is left in plain text or under an older key; returns how many it sealed. */
    public int resealAll() {
        int total = 0;
        for (SealedText.Column column : SealedText.Column.values()) {
            while (true) {
                Integer done = tx.execute(s -> {
                    List<SealedColumnsMapper.SealableValue> rows = mapper.lockUnsealed(column.table, column.key,
                            column.column, cipher.currentPrefix() + "%", batch);
                    for (SealedColumnsMapper.SealableValue row : rows) {
                        String plain = text.open(column, row.applicationNo(), row.stored());
                        mapper.updateSealed(column.table, column.key, column.column, row.rowKey(),
                                text.seal(column, row.applicationNo(), plain));
                    }
                    return rows.size();
                });
                total += done == null ? 0 : done;
                if (done == null || done < batch) {
                    break;
                }
            }
        }
        return total;
    }
}
