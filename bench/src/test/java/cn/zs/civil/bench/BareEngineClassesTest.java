package cn.zs.civil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every class the models name (camunda:class on a listener or a task) is on the bare engine's class path: a start
 * listener added to the models without a stand-in here made every bare-engine start fail (ClassNotFoundException),
 * and the benchmark's baseline read 0 cases/s.
 */
class BareEngineClassesTest {

    private static final Pattern CLASS = Pattern.compile("\\b(?:camunda:)?class=\"([\\w.$]+)\"");

    @Test
    void everyClassTheModelsNameLoadsInTheBareEngine() throws IOException {
        Path processes = Path.of("..", "processes");
        assertThat(processes).isDirectory();
        TreeSet<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(processes)) {
            for (Path bpmn : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher m = CLASS.matcher(Files.readString(bpmn));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).as("classes named by the models").isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (String name : named) {
            try {
                Class.forName(name);
            } catch (ClassNotFoundException e) {
                missing.add(name);
            }
        }
        assertThat(missing).as("named by the models, missing from the bare engine").isEmpty();
    }
}
