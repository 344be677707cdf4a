package io.mailflowkb.model.bundle;

import io.mailflowkb.model.fact.EventRecord;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.ProbeCertificate;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsResult;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.finding.InputSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded generator of random but valid bundles, including awkward text (quotes, backslashes, YAML specials). */
final class RandomBundles {

    private static final String[] AWKWARD = {"", "yes", "no", "null", "~", "0", "0x1F", "1e3", "- dash", "a: b",
            "#hash", "'single'", "\"double\"", "back\\slash", "tab\there", "line\nbreak", "ünïcødé", "  padded  ",
            "TLS 1.2\\Client", "{braces}", "[list]", "*star", "&amp", "!tag", "%percent", "@at", "`tick`", "|pipe"};

    private final Random r;

    RandomBundles(long seed) {
        this.r = new Random(seed);
    }

    FactBundle next() {
        FactBundle.Builder b = FactBundle.builder();
        if (r.nextBoolean()) {
            b.add(new HostProfile(maybe(text()), r.nextBoolean() ? r.nextInt(30000) : null, maybe("2016"),
                    maybe("15.1." + r.nextInt(3000) + "." + r.nextInt(20)), r.nextBoolean() ? 528040 + r.nextInt(9) : null,
                    maybe(text()), prov()));
        }
        for (int i = r.nextInt(4); i > 0; i--) {
            b.add(new RegistryKey(key(), r.nextBoolean(), r.nextBoolean(), prov()));
        }
        for (int i = r.nextInt(8); i > 0; i--) {
            b.add(r.nextBoolean() ? RegistryValue.dword(key(), text(), r.nextLong() & 0xffffffffL, prov())
                    : new RegistryValue(key(), text(), r.nextBoolean() ? "REG_SZ" : "REG_MULTI_SZ", text(), prov()));
        }
        for (int i = r.nextInt(4); i > 0; i--) {
            b.add(new Symptom("sym-" + r.nextInt(100), text(), pick(FlowDirection.values()),
                    pick(PeerClass.values()), maybe(text()), 1 + r.nextInt(1000),
                    maybe("2025-01-14T09:12:03.112Z"), maybe("2025-01-15T09:12:03.112Z"), provs()));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            b.add(new TlsOutcome(pick(FlowDirection.OUTBOUND, FlowDirection.INBOUND),
                    pick(PeerClass.EXCHANGE_ONLINE, PeerClass.OTHER), maybe(text()), maybe("TLS 1.2"),
                    pick(TlsResult.values()), maybe("SocketError"), maybe(text()),
                    1 + r.nextInt(50), null, maybe("2025-01-15T09:12:03.112Z"), provs()));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            Map<String, String> data = new LinkedHashMap<>();
            for (int j = r.nextInt(3); j > 0; j--) {
                data.put("k" + r.nextInt(10), text());
            }
            b.add(new EventRecord(pick("Schannel", "MSExchangeTransport"), 36000 + r.nextInt(1000), maybe("Error"),
                    data, maybe(text()), 1 + r.nextInt(9), null, null, provs()));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            b.add(new ProbeResult("127.0.0.1:" + (1024 + r.nextInt(60000)), pick("TLS 1.0", "TLS 1.2", "TLS 1.3"),
                    pick("ok", "refused", "timeout"), maybe(text()), maybe("TLS_AES_128_GCM_SHA256"),
                    r.nextBoolean() ? r.nextBoolean() : null, null, r.nextInt(5000), prov()));
        }
        if (r.nextInt(4) == 0) {
            b.add(new ProbeCertificate("mx.example:25", text(), List.of(text(), text()), text(), List.of(text()),
                    "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "RSA", 2048, "SHA256withRSA",
                    r.nextBoolean() ? Boolean.TRUE : null, r.nextBoolean(), null, prov()));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            List<String> warnings = new ArrayList<>();
            for (int j = r.nextInt(3); j > 0; j--) {
                warnings.add(text());
            }
            b.input(new InputSummary(text().isEmpty() ? "x" : "in-" + text(), pick("registry", "logs"), r.nextInt(99),
                    warnings, r.nextBoolean() ? null : text()));
        }
        return b.build();
    }

    private String key() {
        return "HKLM\\SYSTEM\\" + pick("CurrentControlSet", "Setup") + "\\" + text().replace("\\", "") + "k";
    }

    private Provenance prov() {
        return new Provenance("file-" + text().replace("\n", ""), r.nextBoolean() ? 1 + r.nextInt(100000) : null,
                maybe(text()));
    }

    private List<Provenance> provs() {
        List<Provenance> l = new ArrayList<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            l.add(prov());
        }
        return l;
    }

    private String text() {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(3); i >= 0; i--) {
            b.append(r.nextInt(3) == 0 ? AWKWARD[r.nextInt(AWKWARD.length)] : Long.toString(r.nextLong(), 36));
        }
        return b.toString();
    }

    private String maybe(String s) {
        return r.nextBoolean() ? s : null;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[r.nextInt(options.length)];
    }
}
