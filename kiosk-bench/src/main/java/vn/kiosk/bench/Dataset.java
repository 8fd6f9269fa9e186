package vn.kiosk.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.copy.PGCopyOutputStream;
import org.postgresql.core.BaseConnection;
import vn.kiosk.server.visitor.Names;
import vn.kiosk.server.visitor.PersonalData;
import vn.kiosk.server.visitor.Phones;

/**
 * The generated province-wide history: sites (reference data, weighted by
 * province population), visitors, and visits over the last N days, one of the
 * sites a hot bus station. Loaded with COPY over JDBC — the fastest path into
 * PostgreSQL, used by this generator only (the server itself writes through
 * the Vert.x client's UNNEST batches) — straight into the daily partitions,
 * in (site, time) order so the indexes fill sequentially. Old stays are all
 * closed, so {@code presence} stays empty.
 */
final class Dataset {
    /** 63 provinces with their 2019 census population in thousands: sites are spread in proportion. */
    static final Object[][] PROVINCES = {
            {"Thành phố Hồ Chí Minh", 8993}, {"Hà Nội", 8054}, {"Thanh Hóa", 3641}, {"Nghệ An", 3327},
            {"Đồng Nai", 3097}, {"Bình Dương", 2426}, {"Hải Phòng", 2029}, {"An Giang", 1908}, {"Hải Dương", 1893},
            {"Đắk Lắk", 1870}, {"Thái Bình", 1861}, {"Bắc Giang", 1804}, {"Nam Định", 1781}, {"Tiền Giang", 1765},
            {"Kiên Giang", 1724}, {"Long An", 1689}, {"Đồng Tháp", 1600}, {"Gia Lai", 1514}, {"Quảng Nam", 1496},
            {"Bình Định", 1487}, {"Phú Thọ", 1464}, {"Bắc Ninh", 1369}, {"Quảng Ninh", 1321}, {"Lâm Đồng", 1297},
            {"Hà Tĩnh", 1289}, {"Bến Tre", 1289}, {"Thái Nguyên", 1287}, {"Hưng Yên", 1253}, {"Sơn La", 1249},
            {"Cần Thơ", 1236}, {"Khánh Hòa", 1232}, {"Bình Thuận", 1231}, {"Quảng Ngãi", 1231}, {"Sóc Trăng", 1200},
            {"Cà Mau", 1194}, {"Tây Ninh", 1170}, {"Vĩnh Phúc", 1152}, {"Bà Rịa - Vũng Tàu", 1148}, {"Đà Nẵng", 1135},
            {"Thừa Thiên Huế", 1129}, {"Vĩnh Long", 1023}, {"Trà Vinh", 1009}, {"Bình Phước", 995},
            {"Ninh Bình", 982}, {"Phú Yên", 962}, {"Bạc Liêu", 907}, {"Quảng Bình", 896}, {"Hà Giang", 854},
            {"Hòa Bình", 854}, {"Hà Nam", 852}, {"Yên Bái", 821}, {"Tuyên Quang", 785}, {"Lạng Sơn", 782},
            {"Hậu Giang", 733}, {"Lào Cai", 731}, {"Quảng Trị", 633}, {"Đắk Nông", 622}, {"Điện Biên", 599},
            {"Ninh Thuận", 591}, {"Kon Tum", 540}, {"Cao Bằng", 530}, {"Lai Châu", 460}, {"Bắc Kạn", 314}};
    static final String HOT_PROVINCE = "Thành phố Hồ Chí Minh";
    static final String[] KINDS = {"office", "office", "office", "school", "school", "shop", "shop", "market",
            "hospital", "hotel", "factory", "bus_station"};
    static final String[] METHODS = {"self", "self", "self", "manual", "manual", "pass", "cccd", "poster"};
    static final String[] BLUEZONE = {"qr_confirmed", "qr_confirmed", "declared", "declared", "installed_on_site",
            "not_installed", "no_smartphone"};

    /** What was generated, for the read-path probes. */
    record Loaded(long hotSiteId, long[] siteIds, String[] siteProvince, long visitorBase, int visitors,
                  long visits, double seconds, double rowsPerSecond) {
    }

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Profile profile;
    private final Random random = new Random(20210815L);

    Dataset(String jdbcUrl, String user, String password, Profile profile) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.profile = profile;
    }

    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl, user, password);
        c.setAutoCommit(true);
        return c;
    }

    /** Inserts the sites; the first is the hot bus station. Returns their ids (index 0 = hot). */
    long[] createSites(List<String> provinceOut) throws SQLException, IOException {
        int n = profile.sites();
        double total = 0;
        for (Object[] province : PROVINCES) {
            total += ((Number) province[1]).doubleValue();
        }
        double[] cumulative = new double[PROVINCES.length];
        double run = 0;
        for (int i = 0; i < PROVINCES.length; i++) {
            run += ((Number) PROVINCES[i][1]).doubleValue() / total;
            cumulative[i] = run;
        }
        try (Connection c = connect()) {
            long base;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) + 1 from sites")) {
                rs.next();
                base = rs.getLong(1);
            }
            long[] ids = new long[n];
            StringBuilder csv = new StringBuilder(n * 120);
            for (int i = 0; i < n; i++) {
                String province;
                String kind;
                String name;
                if (i == 0) {
                    province = HOT_PROVINCE;
                    kind = "bus_station";
                    name = "Bến xe Miền Đông (điểm nóng)";
                } else {
                    int p = Arrays.binarySearch(cumulative, random.nextDouble());
                    province = (String) PROVINCES[Math.min(PROVINCES.length - 1, p < 0 ? -p - 1 : p)][0];
                    kind = KINDS[random.nextInt(KINDS.length)];
                    name = "Điểm " + (i + 1) + " " + kind;
                }
                ids[i] = base + i;
                provinceOut.add(province);
                int maxStay = "hospital".equals(kind) ? 1440 : "hotel".equals(kind) ? 2880 : 720;
                csv.append(ids[i]).append(',').append(name).append(',').append(kind).append(',').append(province)
                        .append(",Quận ").append(1 + random.nextInt(12)).append(",\"").append(i + 1)
                        .append(" Lê Lợi\",").append(maxStay).append(",2020-01-01 00:00:00+00\n");
            }
            copy(c, "copy sites (id, name, kind, province, district, address, max_stay_minutes, created_at) from stdin with (format csv)",
                    csv.toString().getBytes(StandardCharsets.UTF_8));
            try (Statement s = c.createStatement()) {
                s.execute("select setval(pg_get_serial_sequence('sites', 'id'), (select max(id) from sites))");
                s.execute("analyze sites");
            }
            return ids;
        }
    }

    /**
     * The history a run before left in a kept data dir ({@code --data-dir} with {@code --only reads}), or null
     * when there is none: the hot site is the first generated site, the sites are those after it.
     */
    Loaded existing() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            long hot;
            try (ResultSet rs = s.executeQuery("select min(id) from sites where name = 'Bến xe Miền Đông (điểm nóng)'")) {
                rs.next();
                hot = rs.getLong(1);
                if (rs.wasNull()) {
                    return null;
                }
            }
            List<Long> ids = new ArrayList<>();
            List<String> provinces = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select id, province from sites where id >= " + hot + " order by id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    provinces.add(rs.getString(2));
                }
            }
            long visits;
            try (ResultSet rs = s.executeQuery("select count(*) from visits")) {
                rs.next();
                visits = rs.getLong(1);
            }
            return new Loaded(hot, ids.stream().mapToLong(Long::longValue).toArray(), provinces.toArray(String[]::new),
                    0, profile.visitors(), visits, 0, 0);
        }
    }

    /** Visitors and visits; partitions first. */
    Loaded load(long[] siteIds, List<String> provinces, PersonalData personal) throws Exception {
        long t0 = System.nanoTime();
        int days = profile.days();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.minusDays(days);
        long visitorBase;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("select kiosk_ensure_partitions('" + first + "'::date, " + (days + 1) + ")");
            try (ResultSet rs = s.executeQuery("select coalesce(max(id), 0) + 1 from visitors")) {
                rs.next();
                visitorBase = rs.getLong(1);
            }
        }
        int visitors = profile.visitors();
        loadVisitors(visitorBase, visitors, personal);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("select setval(pg_get_serial_sequence('visitors', 'id'), (select max(id) from visitors))");
        }

        // Site popularity: Zipf-like (exponent 0.7) over a shuffled order; the hot site gets its own share.
        int n = siteIds.length;
        double[] cumulative = new double[n - 1];
        Integer[] order = new Integer[n - 1];
        for (int i = 0; i < n - 1; i++) {
            order[i] = i + 1;
        }
        java.util.Collections.shuffle(Arrays.asList(order), random);
        double run = 0;
        for (int rank = 0; rank < n - 1; rank++) {
            run += 1.0 / Math.pow(rank + 1, 0.7);
            cumulative[rank] = run;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= run;
        }
        long perDay = (profile.bulkVisits() - profile.hotVisits()) / days;
        long hotPerDay = profile.hotVisits() / days;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Long>> parts = new ArrayList<>();
        for (int lane = 0; lane < 2; lane++) {
            int l = lane;
            parts.add(pool.submit(() -> {
                long rows = 0;
                try (Connection c = connect()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("set synchronous_commit = off"); // the generator only; check-ins stay durable
                    }
                    for (int d = l; d < days; d += 2) {
                        rows += loadDay(c, first.plusDays(d), perDay, hotPerDay, siteIds, order, cumulative,
                                visitorBase, visitors, new Random(d * 31L + 7));
                    }
                }
                return rows;
            }));
        }
        long visits = 0;
        for (Future<Long> f : parts) {
            visits += f.get();
        }
        pool.shutdown();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("analyze visitors");
            s.execute("analyze visits");
            s.execute("checkpoint");
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        return new Loaded(siteIds[0], siteIds, provinces.toArray(String[]::new), visitorBase, visitors, visits, secs,
                (visits + visitors) / secs);
    }

    /** Visitors with real phone numbers, hashed and encrypted with the server's own keys, as check-in stores them. */
    private void loadVisitors(long base, int count, PersonalData personal) throws Exception {
        // Seen within the history (the server's Retention removes visitors not seen within the period who have
        // no visits, and it may run while the visits are still being loaded).
        String seenFrom = LocalDate.now(ZoneOffset.UTC).minusDays(profile.days() + 1) + " 00:00:00+00";
        String seenTo = java.time.OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> parts = new ArrayList<>();
        for (int lane = 0; lane < 2; lane++) {
            int l = lane;
            parts.add(pool.submit(() -> {
                Random r = new Random(99 + l);
                HexFormat hex = HexFormat.of();
                try (Connection c = connect()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("set synchronous_commit = off");
                    }
                    PGCopyOutputStream out = new PGCopyOutputStream(c.unwrap(BaseConnection.class),
                            "copy visitors (id, name, name_folded, phone_hash, phone_enc, phone_masked, created_at,"
                                    + " last_seen_at) from stdin with (format csv)", 1 << 16);
                    try (OutputStream o = new BufferedOutputStream(out, 1 << 16)) {
                        StringBuilder line = new StringBuilder(300);
                        for (long i = l; i < count; i += 2) {
                            String name = LoadGenerator.FAMILY[r.nextInt(LoadGenerator.FAMILY.length)] + " "
                                    + LoadGenerator.MIDDLE[r.nextInt(LoadGenerator.MIDDLE.length)] + " "
                                    + LoadGenerator.GIVEN[r.nextInt(LoadGenerator.GIVEN.length)];
                            String e164 = "+849" + String.format("%08d", (i * 7_919L + 13) % 100_000_000L);
                            line.setLength(0);
                            line.append(base + i).append(',').append(name).append(',').append(Names.fold(name))
                                    .append(",\\x").append(hex.formatHex(personal.hash("phone", e164)))
                                    .append(",\\x").append(hex.formatHex(personal.encrypt(e164)))
                                    .append(',').append(Phones.mask(e164))
                                    .append(',').append(seenFrom).append(',').append(seenTo).append('\n');
                            o.write(line.toString().getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : parts) {
            f.get();
        }
        pool.shutdown();
    }

    private long loadDay(Connection c, LocalDate day, long perDay, long hotPerDay, long[] siteIds, Integer[] order,
                         double[] cumulative, long visitorBase, int visitors, Random r) throws SQLException, IOException {
        int n = (int) (perDay + hotPerDay);
        long[] keys = new long[n];     // site index << 32 | second of day, sorted below
        long dayStart = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        for (int i = 0; i < n; i++) {
            int site;
            if (i < hotPerDay) {
                site = 0;
            } else {
                int k = Arrays.binarySearch(cumulative, r.nextDouble());
                site = order[Math.min(order.length - 1, k < 0 ? -k - 1 : k)];
            }
            keys[i] = ((long) site << 32) | secondOfDay(r);
        }
        Arrays.sort(keys);
        String partition = "visits_" + day.toString().replace("-", "");
        PGCopyOutputStream out = new PGCopyOutputStream(c.unwrap(BaseConnection.class), "copy " + partition
                + " (id, site_id, visitor_id, entered_at, exited_at, exit_inferred, entry_missing, entry_method,"
                + " exit_method, entry_gate, exit_gate, bluezone, bluezone_id, confirmed_at) from stdin with (format csv)",
                1 << 16);
        StringBuilder line = new StringBuilder(300);
        try (OutputStream o = new BufferedOutputStream(out, 1 << 17)) {
            for (long key : keys) {
                int site = (int) (key >>> 32);
                long entered = dayStart + (key & 0xffffffffL);
                long micros = r.nextInt(1_000_000);
                // Stays: short at the bus station, longer elsewhere; mean about 40 minutes.
                long stay = site == 0 ? 300 + (long) (-Math.log(1 - r.nextDouble()) * 1500)
                        : 120 + (long) (-Math.log(1 - r.nextDouble()) * 2400);
                stay = Math.min(stay, 12 * 3600);
                boolean inferred = r.nextInt(100) < 8;
                String bz = BLUEZONE[r.nextInt(BLUEZONE.length)];
                line.setLength(0);
                // A UUIDv7 of the entry time, as the server makes visit ids (VisitIds).
                long millis = entered * 1000 + micros / 1000;
                // Two random longs as before, so that the seeded data set stays the same.
                long randA = r.nextLong() & 0xfffL;
                line.append(new UUID((millis << 16) | 0x7000L | randA,
                                (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L))
                        .append(',').append(siteIds[site]).append(',')
                        .append(visitorBase + r.nextInt(visitors)).append(',');
                time(line, entered, micros).append(',');
                time(line, entered + stay, micros).append(',').append(inferred ? 't' : 'f').append(",f,")
                        .append(METHODS[r.nextInt(METHODS.length)]).append(',')
                        .append(inferred ? "" : METHODS[r.nextInt(METHODS.length)]).append(",Cổng A,")
                        .append(inferred ? "" : "Cổng B").append(',').append(bz).append(',');
                if (bz.equals("qr_confirmed")) {
                    line.append("BZ").append(Long.toHexString(r.nextLong())).append(',');
                    time(line, entered + 30, micros);
                } else {
                    line.append(',');
                }
                line.append('\n');
                o.write(line.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return n;
    }

    /** Seconds into a UTC day, most of them in local (UTC+7) opening hours 06:00–21:00. */
    private static long secondOfDay(Random r) {
        int localHour;
        if (r.nextInt(100) < 93) {
            localHour = 6 + r.nextInt(15);
        } else {
            localHour = r.nextInt(24);
        }
        int utcHour = (localHour + 24 - 7) % 24;
        return utcHour * 3600L + r.nextInt(3600);
    }

    private static StringBuilder time(StringBuilder b, long epochSecond, long micros) {
        b.append(java.time.Instant.ofEpochSecond(epochSecond, micros * 1000).atOffset(ZoneOffset.UTC)
                .toLocalDateTime().toString()).append("+00");
        return b;
    }

    private static void copy(Connection c, String sql, byte[] data) throws SQLException, IOException {
        org.postgresql.copy.CopyManager cm = new org.postgresql.copy.CopyManager(c.unwrap(BaseConnection.class));
        cm.copyIn(sql, new java.io.ByteArrayInputStream(data));
    }
}
