package vn.kiosk.qr;

import java.time.LocalDate;

/** The fields printed in the QR on a chip citizen ID card; text fields are NFC and trimmed. */
public record CccdCard(String idNumber, String oldIdNumber, String fullName, LocalDate birthDate, String sex,
                       String address, LocalDate issueDate) {

    /** Province of registration from the first three digits of the ID (Circular 07/2016/TT-BCA). */
    public String provinceName() {
        return Provinces.nameOf(idNumber.substring(0, 3));
    }

    @Override
    public String toString() {
        return "CccdCard[personal data hidden]";
    }
}
