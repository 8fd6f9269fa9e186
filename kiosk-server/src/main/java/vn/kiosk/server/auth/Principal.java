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
            case OFFICER -> siteIds.contains(siteId) || covers(siteProvince, siteDistrict);
            case MANAGER, GUARD, KIOSK -> siteIds.contains(siteId);
        };
    }

    /**
     * Whether a place lies within this caller's area: an admin's is everything, an officer's the area given to
     * them (everything when none is given), anyone else's is no area. A place without a district is the whole
     * province, one without a province the whole country: a district officer does not cover their province.
     */
    public boolean covers(String placeProvince, String placeDistrict) {
        return switch (role) {
            case ADMIN -> true;
            case OFFICER -> same(province, placeProvince) && same(district, placeDistrict);
            case MANAGER, GUARD, KIOSK -> false;
        };
    }

    private static boolean same(String mine, String theirs) {
        return mine == null || theirs != null && mine.strip().equalsIgnoreCase(theirs.strip());
    }
}
