package vn.kiosk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU seconds used so far by the server JVM, by PostgreSQL (the postmaster
 * and its children, when it runs on this machine) and by this benchmark
 * process, from /proc. Per-check-in CPU costs are what the capacity model
 * is built on: unlike rates they hardly change when the machine is shared.
 */
final class CpuMeter {
    private static final double TICKS = 100.0; // USER_HZ on Linux

    private final long serverPid;
    private final Long postmasterPid;

    CpuMeter(long serverPid, Long postmasterPid) {
        this.serverPid = serverPid;
        this.postmasterPid = postmasterPid;
    }

    Map<String, Double> snapshot() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("server", cpu(serverPid));
        m.put("bench", cpu(ProcessHandle.current().pid()));
        if (postmasterPid != null) {
            double pg = cpu(postmasterPid);
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.toList()) {
                    String name = p.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String[] f = fields(Long.parseLong(name));
                    if (f != null && Long.parseLong(f[1]) == postmasterPid) {
                        pg += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // /proc missing
            }
            m.put("postgres", pg);
        }
        return m;
    }

    /** Milliseconds of CPU per unit of work between two snapshots. */
    static Map<String, Double> perUnit(Map<String, Double> before, Map<String, Double> after, long units) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (var e : after.entrySet()) {
            double d = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            out.put(e.getKey(), units == 0 ? Double.NaN : Math.round(d * 1000.0 / units * 1000.0) / 1000.0);
        }
        return out;
    }

    private static double cpu(long pid) {
        String[] f = fields(pid);
        return f == null ? 0 : (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
    }

    /** /proc/pid/stat after the command name: [0] state, [1] ppid, … [11] utime, [12] stime. */
    private static String[] fields(long pid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "stat"));
            String s = lines.get(0);
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
