package vn.kiosk.server.auth;

import java.util.Set;

/** Who is calling: a signed-in staff member or a paired kiosk. */
public record Principal(Kind kind, long id, Role role, Set<Long> siteIds, String province, String district,
                       String username, String gate, String kioskMode) {

    public enum Kind { USER, KIOSK }

    public enum Role {
        ADMIN, OFFICER, MANAGER, GUARD, KIOSK;

        public String wire() {
            return name().toLowerCase();
        }
    }

    public static Principal kiosk(long kioskId, long siteId, String gate, String mode) {
        return new Principal(Kind.KIOSK, kioskId, Role.KIOSK, Set.of(siteId), null, null, null, gate, mode);
    }

    public boolean isKiosk() {
        return kind == Kind.KIOSK;
    }

    public Long userId() {
        return kind == Kind.USER ? id : null;
    }

    public Long kioskId() {
        return kind == Kind.KIOSK ? id : null;
    }

    public boolean is(Role... roles) {
        for (Role r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }

    /** Everyone sees only their own sites; an officer sees the area given to them (all when none is given). */
    public boolean canSee(long siteId, String siteProvince, String siteDistrict) {
        return switch (role) {
            case ADMIN -> true;
            case OFFICER -> siteIds.contains(siteId)
                    || ((province == null || province.equalsIgnoreCase(siteProvince))
                        && (district == null || district.equalsIgnoreCase(siteDistrict)));
            case MANAGER, GUARD, KIOSK -> siteIds.contains(siteId);
        };
    }
}
