package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * kb.jar carries picocli compiled for Java 17 (kb-cli's pom): the JVM's CDS archive and AOT cache refuse classes below
 * version 50 and verify them the old, slow way, so a picocli jar compiled for Java 5 slipping back into the shade
 * would quietly cost every run its start-up gain (docs/perf.md, start-up).
 */
class PicocliClassVersionIT {

    @Test
    void everyPicocliClassInTheJarIsClassVersion52OrLater() throws IOException {
        List<String> tooOld = new ArrayList<>();
        int classes = 0;
        try (ZipFile jar = new ZipFile(ShadedJarIT.jar())) {
            for (ZipEntry e : jar.stream().toList()) {
                if (e.getName().startsWith("picocli/") && e.getName().endsWith(".class")) {
                    classes++;
                    int major = majorVersion(jar, e);
                    if (major < 52) {
                        tooOld.add(e.getName() + " (class version " + major + ")");
                    }
                }
            }
        }
        // picocli 4.7.7 has 228 classes; far fewer would mean the build compiled only part of it
        assertThat(classes).as("picocli classes in kb.jar").isGreaterThan(200);
        assertThat(tooOld).as("picocli classes compiled for Java 7 or older").isEmpty();
    }

    @Test
    void picocliNoticeAndLicenceAreInTheJarForTheVersionItCarries() throws IOException {
        try (ZipFile jar = new ZipFile(ShadedJarIT.jar())) {
            String notice = text(jar, "META-INF/picocli/NOTICE.txt");
            String licence = text(jar, "META-INF/picocli/LICENSE-2.0.txt");
            assertThat(notice).startsWith("picocli " + picocli.CommandLine.VERSION + " ")
                    .contains("Copyright 2017 Remko Popma").contains("Apache License, Version 2.0");
            assertThat(licence).contains("Apache License").contains("Version 2.0, January 2004")
                    .contains("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION");
        }
    }

    private static int majorVersion(ZipFile jar, ZipEntry e) throws IOException {
        try (InputStream in = jar.getInputStream(e)) {
            byte[] head = in.readNBytes(8);
            assertThat(head).as(e.getName()).hasSize(8).startsWith((byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE);
            return ((head[6] & 0xff) << 8) | (head[7] & 0xff);
        }
    }

    private static String text(ZipFile jar, String name) throws IOException {
        ZipEntry e = jar.getEntry(name);
        assertThat(e).as(name + " in kb.jar").isNotNull();
        try (InputStream in = jar.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
