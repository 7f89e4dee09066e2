package org.queqiao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Reads another JVM's heap (after a full GC, via jcmd), resident memory and thread count. */
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
