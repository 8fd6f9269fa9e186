package vn.kiosk.server.demo;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.server.auth.AuthService;
import vn.kiosk.server.auth.Passwords;
import vn.kiosk.server.checkin.CheckinCommand.Sealed;
import vn.kiosk.server.checkin.CheckinCommand;
import vn.kiosk.server.checkin.VisitWriter;
import vn.kiosk.server.qr.QrHandlers;
import vn.kiosk.server.visitor.Names;
import vn.kiosk.server.visitor.Phones;
import vn.kiosk.server.visitor.ServerKeys;
import vn.kiosk.server.visitor.VisitIds;

/**
 * A demo province on a fresh data dir (Quảng Trị, two districts), so the first
 * screen is not empty: sites of different kinds, a manager, a guard, a kiosk
 * waiting to be paired, and a morning of check-ins written through the real
 * write path.
 */
public final class DemoSeed extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);
    private static final String[][] SITES = {
        {"Bến xe khách Đông Hà", "bus_station", "Thành phố Đông Hà", "Số 2 Lê Duẩn, phường Đông Lương", "800", "", ""},
        {"Chợ Đông Hà", "market", "Thành phố Đông Hà", "Đường Trần Hưng Đạo, phường 2", "", "05:00", "19:00"},
        {"UBND thành phố Đông Hà", "office", "Thành phố Đông Hà", "Số 1 Lê Quý Đôn, phường 1", "200", "07:00", "17:30"},
        {"Bệnh viện Đa khoa tỉnh Quảng Trị", "hospital", "Thành phố Đông Hà", "Số 1 Nguyễn Trãi, phường 1", "", "", ""},
        {"Trung tâm Y tế huyện Hải Lăng", "hospital", "Huyện Hải Lăng", "Thị trấn Diên Sanh", "", "", ""},
        {"Trường THPT Hải Lăng", "school", "Huyện Hải Lăng", "Thị trấn Diên Sanh", "1200", "06:30", "17:30"},
    };
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Phan", "Đặng", "Bùi", "Đỗ"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Minh", "Ngọc", "Đức", "Thanh", "Quốc"};
    private static final String[] GIVEN = {"An", "Bình", "Châu", "Dũng", "Hà", "Hải", "Hương", "Khoa", "Lan", "Long",
        "Mai", "Nam", "Phúc", "Quân", "Thảo", "Trang", "Tuấn", "Vy", "Yến", "Đức"};
    private static final String[] BLUEZONE = {"qr_confirmed", "qr_confirmed", "declared", "not_installed",
        "no_smartphone", "installed_on_site"};

    private final Pool pool;
    private final ServerKeys keys;
    private final QrHandlers qr;

    public DemoSeed(Pool pool, ServerKeys keys, QrHandlers qr) {
        this.pool = pool;
        this.keys = keys;
        this.qr = qr;
    }

    @Override
    public Future<?> start() {
        List<Long> siteIds = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (String[] s : SITES) {
            chain = chain.compose(v -> pool.preparedQuery("insert into sites (name, kind, province, district, address,"
                            + " capacity, opens_at, closes_at) values ($1, $2, 'Quảng Trị', $3, $4, $5, $6, $7)"
                            + " returning id")
                    .execute(Tuple.of(s[0], s[1], s[2], s[3], s[4].isEmpty() ? null : Integer.valueOf(s[4]),
                            s[5].isEmpty() ? null : java.time.LocalTime.parse(s[5]),
                            s[6].isEmpty() ? null : java.time.LocalTime.parse(s[6])))
                    .map(rows -> {
                        siteIds.add(rows.iterator().next().getLong("id"));
                        return null;
                    }));
        }
        String managerPassword = AuthService.randomToken().substring(0, 12);
        String guardPassword = AuthService.randomToken().substring(0, 12);
        String pairing = "DEMO" + AuthService.randomToken().replaceAll("[^A-Z2-9]", "").concat("2345").substring(0, 4);
        return chain
                .compose(v -> user("quanly", managerPassword, "manager", siteIds.subList(0, 2)))
                .compose(v -> user("baove", guardPassword, "guard", siteIds.subList(0, 1)))
                .compose(v -> pool.preparedQuery("insert into kiosks (site_id, name, gate, mode, pairing_code_hash,"
                                + " pairing_expires_at) values ($1, 'Kiosk cổng chính', 'Cổng chính', 'both', $2,"
                                + " now() + interval '30 days')")
                        .execute(Tuple.of(siteIds.get(0), Buffer.buffer(AuthService.sha256(pairing)))))
                .compose(v -> visits(siteIds))
                .onSuccess(v -> {
                    System.out.println("\n  Kiosk demo province (Quảng Trị) is ready:"
                            + "\n    manager  quanly / " + managerPassword + "  (Bến xe khách Đông Hà, Chợ Đông Hà)"
                            + "\n    guard    baove  / " + guardPassword + "  (Bến xe khách Đông Hà)"
                            + "\n    kiosk pairing code: " + pairing + "  (Bến xe khách Đông Hà, Cổng chính)\n");
                    log.info("Seeded the demo province: {} sites", siteIds.size());
                });
    }

    private Future<Void> user(String name, String password, String role, List<Long> sites) {
        return vertx.executeBlocking(() -> Passwords.hash(password), false).compose(hash -> pool
                .preparedQuery("insert into users (username, password_hash, role) values ($1, $2, $3) returning id")
                .execute(Tuple.of(name, hash, role))
                .compose(rows -> {
                    Row r = rows.iterator().next();
                    return pool.preparedQuery("insert into user_sites select $1, unnest($2::bigint[])")
                            .execute(Tuple.tuple().addLong(r.getLong("id")).addArrayOfLong(sites.toArray(Long[]::new)));
                })).mapEmpty();
    }

    private Future<Void> visits(List<Long> siteIds) {
        VisitWriter writer = new VisitWriter(context, pool, "demo", 256, 0, n -> { });
        Random random = new Random(2021);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(5).truncatedTo(ChronoUnit.MINUTES);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long site = siteIds.get(i % 3 == 2 ? 1 : 0);
            String name = FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                    + GIVEN[random.nextInt(GIVEN.length)];
            String phone = Phones.normalize("09" + (10_000_000 + random.nextInt(89_999_999))).orElseThrow();
            Sealed sealed = new Sealed(keys.personal().hash("phone", phone), keys.personal().encrypt(phone), Phones.mask(phone));
            OffsetDateTime in = start.plusMinutes(i * 4L + random.nextInt(3));
            String bz = BLUEZONE[random.nextInt(BLUEZONE.length)];
            CheckinCommand.Asker asker = new CheckinCommand.Asker(site, null, null);
            CheckinCommand.Visitor visitor = new CheckinCommand.Visitor(null, name, Names.fold(name), sealed, null, false);
            all.add(writer.submit(new CheckinCommand(asker, visitor, new CheckinCommand.Act(UUID.randomUUID(), "in", in,
                    i % 4 == 0 ? "self" : "manual", "Cổng chính", bz, null, VisitIds.next(), null, null))));
            if (i % 3 != 0) {
                OffsetDateTime out = in.plusMinutes(10 + random.nextInt(90)).isAfter(OffsetDateTime.now(ZoneOffset.UTC))
                        ? OffsetDateTime.now(ZoneOffset.UTC) : in.plusMinutes(10 + random.nextInt(90));
                all.add(writer.submit(new CheckinCommand(asker, visitor, new CheckinCommand.Act(UUID.randomUUID(),
                        "out", out, "manual", "Cổng chính", null, null, VisitIds.next(), null, null))));
            }
        }
        return Future.all(all).mapEmpty();
    }
}
