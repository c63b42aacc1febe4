package cn.zs.civil.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The file outside the database that anchors the audit chain's head ({@code platform.audit.checkpoint-file}; the
 * operator keeps it, e.g. ships it to write-once storage or a log collector): one JSON line per checkpoint with the
 * head's number and hash, MAC'd with the audit key. Someone who can write the database but not this file cannot
 * cut the chain's tail and move its head back without verification naming the first entry cut off.
 */
@Component
class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** One checkpoint as read back, with whether its MAC holds. */
    record Checkpoint(int line, String at, long seq, String hash, boolean authentic) {
    }

    private final AuditKeys keys;
    private final ObjectMapper json;
    private final Path file;
    private long lastWrittenSeq = -1;

    AuditCheckpoints(AuditKeys keys, ObjectMapper json, @Value("${platform.audit.checkpoint-file}") String file) {
        this.keys = keys;
        this.json = json;
        this.file = Path.of(file).toAbsolutePath();
    }

    /** Appends the head, unless this node has already written this head (or the chain is empty). */
    synchronized void append(AuditMapper.Head head) {
        if (head.lastSeq() == lastWrittenSeq || head.lastSeq() == 0) {
            return;
        }
        String at = OffsetDateTime.now(ZONE).truncatedTo(ChronoUnit.SECONDS).toString();
        String keyId = keys.activeKeyId();
        var line = json.createObjectNode().put("at", at).put("seq", head.lastSeq()).put("hash", head.lastHash())
                .put("keyId", keyId).put("mac", keys.mac(keyId, signed(at, head.lastSeq(), head.lastHash())));
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                out.write(ByteBuffer.wrap((json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot append to " + file, e);
        }
        lastWrittenSeq = head.lastSeq();
        log.info("Audit checkpoint: entry {} {}", head.lastSeq(), head.lastHash());
    }

    /** Every checkpoint in the file, oldest first (none when the file does not exist yet). */
    List<Checkpoint> read() {
        List<Checkpoint> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                out.add(parse(i + 1, lines.get(i)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
        return out;
    }

    private Checkpoint parse(int number, String line) {
        try {
            JsonNode node = json.readTree(line);
            String at = node.path("at").asText();
            long seq = node.path("seq").asLong();
            String hash = node.path("hash").asText();
            String keyId = node.path("keyId").asText();
            boolean authentic = keys.knows(keyId)
                    && keys.mac(keyId, signed(at, seq, hash)).equals(node.path("mac").asText());
            return new Checkpoint(number, at, seq, hash, authentic);
        } catch (IOException e) {
            return new Checkpoint(number, "", 0, "", false);
        }
    }

    Path file() {
        return file;
    }

    private static String signed(String at, long seq, String hash) {
        return "audit-checkpoint|" + at + "|" + seq + "|" + hash;
    }
}
