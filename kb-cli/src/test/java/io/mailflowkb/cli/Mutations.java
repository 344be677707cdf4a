package io.mailflowkb.cli;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Byte-level mutations of a real sample: what a damaged copy, a wrong export or an attacker produces. */
final class Mutations {

    private Mutations() {
    }

    static byte[] apply(byte[] in, Random rnd) {
        byte[] b = in.clone();
        switch (rnd.nextInt(8)) {
            case 0 -> {
                for (int i = 1 + rnd.nextInt(20); i > 0 && b.length > 0; i--) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 1 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            case 2 -> b = insert(b, rnd, new byte[1 + rnd.nextInt(50)]);
            case 3 -> b = insert(b, rnd, "A".repeat(2 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII));
            case 4 -> b = reencode(b, rnd);
            case 5 -> {
                b = new byte[rnd.nextInt(4096)];
                rnd.nextBytes(b);
            }
            case 6 -> {
                int from = b.length == 0 ? 0 : rnd.nextInt(b.length);
                byte[] slice = java.util.Arrays.copyOfRange(b, from, Math.min(b.length, from + 1 + rnd.nextInt(200)));
                byte[] many = new byte[slice.length * 2000];
                for (int i = 0; i < 2000; i++) {
                    System.arraycopy(slice, 0, many, i * slice.length, slice.length);
                }
                b = insert(b, rnd, many);
            }
            default -> b = new String(b, StandardCharsets.ISO_8859_1).replace("\n", rnd.nextBoolean() ? "\r" : "")
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
        return b;
    }

    private static byte[] insert(byte[] b, Random rnd, byte[] what) {
        int at = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }

    /** The same text in an encoding its reader does not expect. */
    private static byte[] reencode(byte[] b, Random rnd) {
        boolean utf16le = b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe;
        String text = utf16le ? new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE)
                : new String(b, StandardCharsets.UTF_8);
        return switch (rnd.nextInt(4)) {
            case 0 -> text.getBytes(StandardCharsets.UTF_16BE);          // no BOM, big-endian
            case 1 -> text.getBytes(StandardCharsets.UTF_16LE);          // no BOM
            case 2 -> ("\u00e9\u00fc " + text).getBytes(StandardCharsets.ISO_8859_1); // Latin-1 bytes, not UTF-8
            default -> insert(b, rnd, new byte[] {(byte) 0xc3, 0x28, (byte) 0xff, (byte) 0xfe, (byte) 0x80});
        };
    }
}
