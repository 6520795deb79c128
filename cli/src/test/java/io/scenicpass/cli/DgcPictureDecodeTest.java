package io.scenicpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * EXPECTEDPICTUREDECODE of the EU DCC corpus (the sdk-terminal harness covers every other expectation):
 * the base64 PNG in 2DCODE is read with ZXing and must yield exactly PREFIX (true), or must not (false).
 */
class DgcPictureDecodeTest {

    @TestFactory
    List<DynamicTest> pictureDecodeExpectations() throws Exception {
        Path dgc = DgcSample.folder();
        Assumptions.assumeTrue(dgc != null, "testdata/dgc missing");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dgc)) {
            files = s.filter(p -> p.toString().endsWith(".json")
                            && p.getParent().getFileName().toString().equals("raw"))
                    .sorted()
                    .collect(Collectors.toList());
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            JsonNode n = CredentialChecker.JSON.readTree(Files.readAllBytes(f));
            JsonNode expected = n.path("EXPECTEDRESULTS").path("EXPECTEDPICTUREDECODE");
            if (!expected.isBoolean()) {
                continue;
            }
            String id = dgc.relativize(f).getName(0) + "/" + f.getFileName();
            tests.add(DynamicTest.dynamicTest(id + " EXPECTEDPICTUREDECODE=" + expected.asBoolean(), () -> {
                Assumptions.assumeTrue(
                        n.path("2DCODE").isTextual() || !expected.asBoolean(), "no 2DCODE picture in this case");
                String decoded = decode(n.path("2DCODE").asText(""));
                boolean matches =
                        decoded != null && decoded.equals(n.path("PREFIX").asText());
                assertThat(matches).as(id + " decoded: " + decoded).isEqualTo(expected.asBoolean());
            }));
        }
        assertThat(tests).hasSizeGreaterThan(20);
        return tests;
    }

    private static String decode(String base64Png) {
        try {
            BufferedImage img = ImageIO.read(
                    new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64Png)));
            if (img == null) {
                return null;
            }
            int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
            LuminanceSource source = new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels);
            Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
            return new QRCodeReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(source)), hints)
                    .getText();
        } catch (Exception e) {
            return null; // unreadable picture: the step fails
        }
    }
}
