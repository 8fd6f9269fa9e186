package vn.kiosk.server.report;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.kiosk.server.site.Site;

/** Install-rate targets, one per province or district (names compared case-insensitively). */
public final class TargetStore {
    private static final String ALL = "select id, province, district, rate::float8 as rate, due_on, set_at"
            + " from install_targets order by lower(province), district nulls first, id";
    private static final String FOR_SITE = "select id, province, district, rate::float8 as rate, due_on, set_at"
            + " from install_targets where lower(province) = lower($1) and (district is null or lower(district) = lower($2))"
            + " order by district nulls last limit 1";
    private static final String UPSERT = "insert into install_targets (province, district, rate, due_on, set_by, set_at)"
            + " values ($1, $2, round($3::float8::numeric, 4), $4, $5, $6)"
            // the area keeps the spelling it was first given
            + " on conflict (lower(province), lower(coalesce(district, ''))) do update set rate = excluded.rate,"
            + " due_on = excluded.due_on, set_by = excluded.set_by, set_at = excluded.set_at"
            + " returning id, province, district, rate::float8 as rate, due_on, set_at, xmax = 0 as created";
    private static final String FIND = "select province, district from install_targets where id = $1";
    private static final String DELETE = "delete from install_targets where id = $1";

    /** One area's target; district null for the whole province. */
    public record Target(long id, String province, String district, double rate, LocalDate dueOn, OffsetDateTime setAt) {
        static Target from(Row r) {
            return new Target(r.getLong("id"), r.getString("province"), r.getString("district"), r.getDouble("rate"),
                    r.getLocalDate("due_on"), r.getOffsetDateTime("set_at"));
        }

        /** Whether this is the target of that place itself (names compared as reports compare them). */
        boolean isOf(String placeProvince, String placeDistrict) {
            return ReportService.norm(province).equals(ReportService.norm(placeProvince))
                    && (district == null ? placeDistrict == null
                    : placeDistrict != null && ReportService.norm(district).equals(ReportService.norm(placeDistrict)));
        }
    }

    /** A target as set: {@code created} when the area had none before. */
    public record Saved(Target target, boolean created) {
    }

    /** The area a target is for; district null for the whole province. */
    public record Area(String province, String district) {
    }

    private final Pool pool;

    public TargetStore(Pool pool) {
        this.pool = pool;
    }

    /** Every target, by province then district (the province's own first). */
    public Future<List<Target>> all() {
        return pool.query(ALL).execute().map(rows -> {
            List<Target> out = new ArrayList<>();
            rows.forEach(r -> out.add(Target.from(r)));
            return out;
        });
    }

    /** The target a site works towards: its district's, else its province's. */
    public Future<Optional<Target>> forSite(Site s) {
        return pool.preparedQuery(FOR_SITE).execute(Tuple.of(s.province(), s.district()))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(Target.from(rows.iterator().next())) : Optional.empty());
    }

    /** Of a list of targets, the one for a district: its own, else its province's. */
    public static Optional<Target> forDistrict(List<Target> targets, String province, String district) {
        return targets.stream().filter(t -> t.isOf(province, district)).findFirst()
                .or(() -> targets.stream().filter(t -> t.isOf(province, null)).findFirst());
    }

    /** Sets the target of a place, replacing any it had. */
    public Future<Saved> set(String province, String district, double rate, LocalDate dueOn, Long byUserId,
                             OffsetDateTime at) {
        Tuple args = Tuple.tuple().addString(province).addString(district).addDouble(rate).addLocalDate(dueOn)
                .addLong(byUserId).addOffsetDateTime(at);
        return pool.preparedQuery(UPSERT).execute(args).map(rows -> {
            Row r = rows.iterator().next();
            return new Saved(Target.from(r), r.getBoolean("created"));
        });
    }

    /** The area of target {@code id}; empty when there is none. */
    public Future<Optional<Area>> area(long id) {
        return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                return Optional.empty();
            }
            Row r = rows.iterator().next();
            return Optional.of(new Area(r.getString("province"), r.getString("district")));
        });
    }

    public Future<Void> delete(long id) {
        return pool.preparedQuery(DELETE).execute(Tuple.of(id)).mapEmpty();
    }
}
