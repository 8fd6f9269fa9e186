package vn.kiosk.server.auth;

import java.util.Set;

/**
 * Who is calling: a signed-in staff member or a paired device. A device is a kiosk (role KIOSK: it records
 * check-ins at its site) or a public screen (role SIGNAGE: it shows posters, its site's check-in code and its
 * install rate, and may call nothing that records or reads a visit; see {@code signage/SignageGate}).
 */
public record Principal(Kind kind, long id, Role role, Set<Long> siteIds, String province, String district,
                       String username, String gate, String kioskMode) {

    public enum Kind { USER, KIOSK }

    public enum Role {
        ADMIN, OFFICER, MANAGER, GUARD, KIOSK, SIGNAGE;

        public String wire() {
            return name().toLowerCase();
        }
    }

    public static Principal kiosk(long kioskId, long siteId, String gate, String mode) {
        return new Principal(Kind.KIOSK, kioskId, Role.KIOSK, Set.of(siteId), null, null, null, gate, mode);
    }

    /** A paired device of the given kind ("kiosk" or "signage", as kiosks.kind stores it). */
    public static Principal device(String kind, long deviceId, long siteId, String gate, String mode) {
        Role role = "signage".equals(kind) ? Role.SIGNAGE : Role.KIOSK;
        return new Principal(Kind.KIOSK, deviceId, role, Set.of(siteId), null, null, null, gate, mode);
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

    /** Whether this is a paired public screen. */
    public boolean isSignage() {
        return role == Role.SIGNAGE;
    }

    /** Everyone sees only their own sites; an officer sees the area given to them (all when none is given). */
    public boolean canSee(long siteId, String siteProvince, String siteDistrict) {
        return switch (role) {
            case ADMIN -> true;
            case OFFICER -> siteIds.contains(siteId) || covers(siteProvince, siteDistrict);
            case MANAGER, GUARD, KIOSK, SIGNAGE -> siteIds.contains(siteId);
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
            case MANAGER, GUARD, KIOSK, SIGNAGE -> false;
        };
    }

    private static boolean same(String mine, String theirs) {
        return mine == null || theirs != null && mine.strip().equalsIgnoreCase(theirs.strip());
    }
}
