package io.scenicpass.cli.gate;

import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.device.sim.SimulatedDocuments;
import io.scenicpass.terminal.device.sim.SimulatedLane;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/** One line of the simulated gate's input, presented to a lane's simulated devices (QR, ID card, MRZ, card, face). */
final class LaneInput {
    private LaneInput() {}

    /** See {@link SimulatedTerminal#present} for the prefixes; anything else is scanned as QR text. */
    static void feed(SimulatedLane lane, String input) {
        int colon = input.indexOf(':');
        String prefix = colon > 0 ? input.substring(0, colon).toLowerCase(java.util.Locale.ROOT) : "";
        String rest = colon > 0 ? input.substring(colon + 1).trim() : input;
        switch (prefix) {
            case "qr":
                lane.reader().scanQr(rest);
                break;
            case "nfc":
                lane.reader().present(CredentialKind.NFC_PASS, rest);
                break;
            case "id":
                lane.reader().present(CredentialKind.ID_CARD, rest);
                break;
            case "passport":
                if (rest.contains("/")) { // with a date of birth: as its MRZ, so the gate can check an age
                    lane.reader().presentMrz(travelDocument("P", "UTO", rest));
                } else {
                    lane.reader().present(CredentialKind.PASSPORT, rest);
                }
                break;
            case "hkmo":
                lane.reader().presentMrz(travelDocument("CR", "CHN", rest));
                break;
            case "tw":
                lane.reader().presentMrz(travelDocument("CT", "CHN", rest));
                break;
            case "mrz":
                lane.reader().presentMrz(Arrays.asList(rest.split("[|\\s]+")));
                break;
            case "card":
                lane.reader().present(CredentialKind.CARD_UID, rest.toUpperCase(java.util.Locale.ROOT));
                break;
            case "face":
                biometric(lane, BiometricModality.FACE, rest);
                break;
            case "palm":
                biometric(lane, BiometricModality.PALM, rest);
                break;
            default:
                lane.reader().scanQr(input); // SP1…, HC1:…, or anything a scanner could read
        }
    }

    /** {@code NUMBER/YYYY-MM-DD} as the MRZ of a passport ({@code P}) or mainland travel permit ({@code CR}, {@code CT}). */
    private static List<String> travelDocument(String code, String state, String numberAndBirth) {
        int slash = numberAndBirth.indexOf('/');
        String number =
                slash < 0 ? numberAndBirth : numberAndBirth.substring(0, slash).trim();
        java.time.LocalDate born = slash < 0
                ? null
                : java.time.LocalDate.parse(numberAndBirth.substring(slash + 1).trim());
        return SimulatedDocuments.mrz(code, state, number, born, "VISITOR");
    }

    /** The simulated person with subject id S has a template derived from S; enroll it, then show the face. */
    private static void biometric(SimulatedLane lane, BiometricModality modality, String subject) {
        BiometricTemplate t = new BiometricTemplate(modality, sha256(modality + ":" + subject));
        if (modality == BiometricModality.FACE) {
            lane.faceMatcher().enroll(subject, t);
            lane.face().submit(t);
        } else {
            lane.palmMatcher().enroll(subject, t);
            lane.palm().submit(t);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
