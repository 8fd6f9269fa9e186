package vn.kiosk.server.support;

/**
 * How hard the fault tests push: short by default (the README's test command
 * and .ci/run), long with {@code -Dkiosk.faults=long} (the {@code faults}
 * Maven profile): longer outages, more check-ins, more hostile connections.
 */
public final class FaultScale {
    public static final boolean LONG = "long".equals(System.getProperty("kiosk.faults", "short"));

    private FaultScale() {
    }

    public static int pick(int shortForm, int longForm) {
        return LONG ? longForm : shortForm;
    }

    public static String label() {
        return LONG ? "long form" : "short form";
    }
}
