package vn.kiosk.server.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory and thread count of a process, from /proc: "no thread pile-up, memory flat". */
public record ProcessStats(long rssMb, int threads) {

    public static ProcessStats of(long pid) {
        try {
            long rssKb = 0;
            int threads = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
                }
            }
            return new ProcessStats(rssKb / 1024, threads);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status", e);
        }
    }

    @Override
    public String toString() {
        return rssMb + " MB RSS, " + threads + " threads";
    }
}
