package cn.zs.civil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Heap and CPU of the process under test (and of the MariaDB server) during a phase, sampled every two seconds;
 * optionally a sampling profile from {@code jcmd <pid> Thread.print}: what the worker threads (HTTP and job
 * executor) are doing, classified as waiting for MariaDB, waiting for a pooled connection, running, or blocked.
 */
final class Sampler implements AutoCloseable {

    private static final long TICKS_PER_SECOND = 100;

    private final long pid;
    private final LongSupplier heapUsed;
    private final Long databasePid;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean profile;
    private final Object lock = new Object();
    private String label;
    private long cpuStart;
    private long dbCpuStart;
    private long startNanos;
    private long maxHeap;
    private double heapSum;
    private int heapSamples;
    private int profileSamples;
    private final Map<String, Integer> states = new HashMap<>();
    private final Map<String, Integer> hotFrames = new HashMap<>();
    private final Map<String, Integer> platformFrames = new HashMap<>();

    Sampler(long pid, LongSupplier heapUsed) {
        this.pid = pid;
        this.heapUsed = heapUsed;
        this.databasePid = findDatabasePid();
        this.thread = new Thread(this::loop, "sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Profiles the next phases with jcmd Thread.print (only a process other than this one). */
    void profile(boolean on) {
        profile = on && pid != ProcessHandle.current().pid();
    }

    void phase(String name) {
        synchronized (lock) {
            label = name;
            cpuStart = cpuTicks(pid);
            dbCpuStart = databasePid == null ? 0 : cpuTicks(databasePid);
            startNanos = System.nanoTime();
            maxHeap = 0;
            heapSum = 0;
            heapSamples = 0;
            profileSamples = 0;
            states.clear();
            hotFrames.clear();
            platformFrames.clear();
        }
    }

    Map<String, Object> endPhase() {
        synchronized (lock) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("cpuPercentOfOneCore", Metrics.round(100.0 * (cpuTicks(pid) - cpuStart) / TICKS_PER_SECOND / seconds));
            if (databasePid != null) {
                out.put("mariadbCpuPercentOfOneCore",
                        Metrics.round(100.0 * (cpuTicks(databasePid) - dbCpuStart) / TICKS_PER_SECOND / seconds));
            }
            out.put("heapUsedMaxMb", Metrics.round(maxHeap / 1048576.0));
            out.put("heapUsedMeanMb", heapSamples == 0 ? 0 : Metrics.round(heapSum / heapSamples / 1048576.0));
            out.put("loadAverage", loadAverage());
            if (profileSamples > 0) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("threadDumps", profileSamples);
                p.put("busyWorkerThreadStates", top(states, 10));
                p.put("hotFrames", top(hotFrames, 15));
                p.put("platformFrames", top(platformFrames, 15));
                out.put("profile", p);
            }
            label = null;
            return out;
        }
    }

    private static Map<String, Integer> top(Map<String, Integer> counts, int n) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(n)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private void loop() {
        while (running) {
            try {
                TimeUnit.SECONDS.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
            long heap = heapUsed.getAsLong();
            String dump = profile && label != null ? threadDump() : null;
            synchronized (lock) {
                if (label == null) {
                    continue;
                }
                if (heap > 0) {
                    maxHeap = Math.max(maxHeap, heap);
                    heapSum += heap;
                    heapSamples++;
                }
                if (dump != null) {
                    profileSamples++;
                    classify(dump);
                }
            }
        }
    }

    private String threadDump() {
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(20, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Worker threads doing platform or engine work, by what they wait for, and their hottest frames. */
    private void classify(String dump) {
        for (String block : dump.split("\n\n")) {
            if (!block.startsWith("\"")) {
                continue;
            }
            String name = block.substring(1, block.indexOf('"', 1));
            if (!(name.startsWith("http-nio") || name.startsWith("camundaTaskExecutor"))) {
                continue;
            }
            if (!block.contains("at cn.zs.civil") && !block.contains("at org.camunda")) {
                continue;
            }
            List<String> frames = new ArrayList<>();
            for (String line : block.split("\n")) {
                String t = line.trim();
                if (t.startsWith("at ")) {
                    frames.add(t.substring(3).replaceAll("\\(.*\\)", ""));
                }
            }
            String state;
            String stack = String.join("\n", frames);
            if (stack.contains("com.zaxxer.hikari.pool.HikariPool.getConnection")) {
                state = "waiting for a pooled DB connection";
            } else if (stack.contains("com.mysql.cj")) {
                state = "waiting for MariaDB (in the JDBC driver)";
            } else if (block.contains("State: RUNNABLE")) {
                state = "running in the JVM";
            } else {
                state = "blocked or waiting (locks, other I/O)";
            }
            states.merge(state, 1, Integer::sum);
            if ("running in the JVM".equals(state) && !frames.isEmpty()) {
                hotFrames.merge(frames.get(0), 1, Integer::sum);
            }
            frames.stream().filter(f -> f.startsWith("cn.zs.civil")).findFirst()
                    .ifPresent(f -> platformFrames.merge(f + " [" + state + "]", 1, Integer::sum));
        }
    }

    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static Long findDatabasePid() {
        // The server on the default port: other MariaDB servers on the machine name their own --port.
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false))
                .filter(p -> java.util.Arrays.stream(p.info().arguments().orElse(new String[0]))
                        .noneMatch(a -> a.startsWith("--port") && !a.endsWith("3306")))
                .map(ProcessHandle::pid).findFirst().orElse(null);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
