package cn.zs.civil.schema;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Camunda engine version as its schema log and its jar name it: {@code 7.24.0} (a suffix such as -ee is dropped). */
record EngineVersion(int major, int minor, int patch) implements Comparable<EngineVersion> {

    private static final Pattern SHAPE = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    private static final Comparator<EngineVersion> ORDER = Comparator.comparingInt(EngineVersion::major)
            .thenComparingInt(EngineVersion::minor).thenComparingInt(EngineVersion::patch);

    static EngineVersion parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not an engine version: " + text));
    }

    static Optional<EngineVersion> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(text.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new EngineVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
    }

    EngineVersion minorOnly() {
        return new EngineVersion(major, minor, 0);
    }

    @Override
    public int compareTo(EngineVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
