package vn.kiosk.server;

public final class Main {
    public static void main(String[] args) {
    }
}
