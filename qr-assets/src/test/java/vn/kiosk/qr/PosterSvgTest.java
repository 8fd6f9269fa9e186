package vn.kiosk.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class PosterSvgTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"bluezone.svg, Bluezone", "smart-thanh-hoa.svg, Smart Thanh Hóa"})
    void idlePosterIsCleanBilingualSvgWithQrSlot(String file, String app) throws Exception {
        String svg = read("posters/" + file);
        assertThat(Normalizer.isNormalized(svg, Normalizer.Form.NFC)).isTrue();
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = document.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 1080 1920");

        Element slot = document.getElementById("qr-slot");
        if (slot == null) {
            slot = findById(root, "qr-slot");
        }
        assertThat(slot).isNotNull();
        assertThat(Float.parseFloat(slot.getAttribute("width"))).isEqualTo(Float.parseFloat(slot.getAttribute("height")));

        assertThat(svg).contains("sans-serif", "<title>Cài đặt " + app, "Mở CH Play (Android) hoặc App Store (iPhone)",
                "Tìm “" + app + "”", "Search for “" + app + "”", "Quét mã để tải " + app);
        assertThat(svg).doesNotContain("<script", "<image", "href=");
    }

    private static Element findById(Element element, String id) {
        if (id.equals(element.getAttribute("id"))) {
            return element;
        }
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                Element found = findById(childElement, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = PosterPdf.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
