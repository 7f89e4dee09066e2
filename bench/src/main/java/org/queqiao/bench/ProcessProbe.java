package org.queqiao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads another JVM's heap (after a full GC, via jcmd), resident memory, thread count and CPU time,
 * and the CPU time of the embedded PostgreSQL it started (whose postmaster is not its child: pg_ctl
 * detaches it).
 */
final class ProcessProbe {
    private final long pid;

    long pid() {
        return pid;
    }

    ProcessProbe(long pid) {
        this.pid = pid;
    }

    /** Heap in use after a full collection, from {@code jcmd <pid> GC.heap_info} (G1: "used NK"; ZGC: "used NM"). */
    long heapAfterGc() throws Exception {
        jcmd("GC.run");
        Thread.sleep(500); // ZGC collects concurrently: let the cycle finish
        String info = jcmd("GC.heap_info");
        var m = java.util.regex.Pattern.compile("used (\\d+)([KMG])").matcher(info);
        if (!m.find()) throw new IllegalStateException("cannot read heap usage from: " + info);
        long unit = switch (m.group(2)) {
            case "K" -> 1024L;
            case "M" -> 1024L * 1024;
            default -> 1024L * 1024 * 1024;
        };
        return Long.parseLong(m.group(1)) * unit;
    }

    /** Resident memory in kB. */
    long rssKb() throws Exception {
        return status("VmRSS:");
    }

    long threads() throws Exception {
        return status("Threads:");
    }

    /** User and system CPU time of the process, all threads, from /proc/<pid>/stat. */
    long cpuNanos() throws Exception {
        return cpuNanosOf(pid);
    }

    /**
     * CPU time of the embedded PostgreSQL under the server's data directory ({@code QUEQIAO_DATA_DIR}
     * in its environment): the postmaster and every process it forked, including backends that
     * already exited (their time is in the postmaster's cutime/cstime). 0 if there is none.
     */
    long databaseCpuNanos() throws Exception {
        String dataDir = environment("QUEQIAO_DATA_DIR");
        if (dataDir == null) return 0;
        List<Long> pids;
        try (var procs = Files.list(Path.of("/proc"))) {
            pids = procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit)).map(Long::parseLong).toList();
        }
        List<Long> postmasters = pids.stream().filter(p -> {
            String cmd = read(Path.of("/proc/" + p + "/cmdline")).replace('\0', ' ');
            return cmd.contains("postgres") && cmd.contains(" -D " + dataDir + "/");
        }).toList();
        long total = 0;
        for (long p : pids) {
            if (postmasters.contains(p)) {
                total += cpuNanosOf(p) + childrenCpuNanosOf(p);
            } else {
                String[] f = statFields(Path.of("/proc/" + p + "/stat"));
                if (f != null && postmasters.contains(Long.parseLong(f[1]))) total += cpuNanosOf(p);
            }
        }
        return total;
    }

    /** The CPU time this process (the load generator) has used. */
    static long ownCpuNanos() {
        return cpuNanosOf(ProcessHandle.current().pid());
    }

    private static long cpuNanosOf(long pid) {
        String[] f = statFields(Path.of("/proc/" + pid + "/stat"));
        return f == null ? 0 : (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
    }

    private static long childrenCpuNanosOf(long pid) {
        String[] f = statFields(Path.of("/proc/" + pid + "/stat"));
        return f == null ? 0 : (Long.parseLong(f[13]) + Long.parseLong(f[14])) * NANOS_PER_TICK;
    }

    /** USER_HZ is 100 on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** The fields after the command name: [0] is the state, [1] the parent pid, [11]/[12] utime/stime, [13]/[14] the children's. */
    private static String[] statFields(Path stat) {
        String s = read(stat);
        int close = s.lastIndexOf(") ");
        return close < 0 ? null : s.substring(close + 2).trim().split(" ");
    }

    private String environment(String key) {
        for (String kv : read(Path.of("/proc/" + pid + "/environ")).split("\0")) {
            if (kv.startsWith(key + "=")) return kv.substring(key.length() + 1);
        }
        return null;
    }

    /** A /proc file, or "" if the process is gone. */
    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private String jcmd(String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private long status(String key) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(key)) return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
        }
        return -1;
    }
}
