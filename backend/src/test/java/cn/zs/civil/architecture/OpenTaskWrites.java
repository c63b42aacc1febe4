package cn.zs.civil.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Whether a class writes {@code work_item}, the open tasks' read model: an insert, update or delete of the table in
 * the class's own string constants (JdbcTemplate, MyBatis annotations) or in its mapper XML beside it (a MyBatis
 * mapper interface and {@code <Name>.xml} at the same package path). SQL is text to the compiler, so this reads it.
 */
final class OpenTaskWrites {

    static final Pattern WRITE = Pattern.compile("(?is)\\b(insert\\s+into|update|delete\\s+from)\\s+work_item\\b");

    static final ArchCondition<JavaClass> WRITE_THE_OPEN_TASK_TABLE =
            new ArchCondition<>("write the open tasks' table (work_item)") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    String where = writes(c);
                    events.add(new SimpleConditionEvent(c, where != null,
                            c.getName() + (where == null ? " does not write work_item" : " writes work_item in " + where)));
                }
            };

    private OpenTaskWrites() {
    }

    /** Where the class writes the table (its class file or its mapper XML), or null. */
    static String writes(JavaClass c) {
        String path = c.getName().replace('.', '/');
        // Class-file constants are UTF-8 in the constant pool; Latin-1 keeps every byte, so the SQL reads as is.
        if (matches(path + ".class", StandardCharsets.ISO_8859_1)) {
            return path + ".class";
        }
        if (!c.isNestedClass() && matches(path + ".xml", StandardCharsets.UTF_8)) {
            return path + ".xml";
        }
        return null;
    }

    private static boolean matches(String resource, java.nio.charset.Charset charset) {
        try (InputStream in = OpenTaskWrites.class.getClassLoader().getResourceAsStream(resource)) {
            return in != null && WRITE.matcher(new String(in.readAllBytes(), charset)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
