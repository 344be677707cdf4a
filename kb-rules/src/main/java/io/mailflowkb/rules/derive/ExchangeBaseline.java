package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import java.util.List;

/**
 * What the Exchange build on the host can do with TLS, from the documented baselines (domain notes 5.1 and 5.2;
 * build numbers from HealthChecker data [S56]): TLS 1.2 on SMTP needs Exchange 2013 CU19 (15.0.1365.1) or
 * Exchange 2016 CU8 (15.1.1415.2); Exchange 2013 below CU8 (15.0.1076.9) even hard-codes TLS 1.0 on SMTP
 * [S52]; every Exchange 2019 build can use TLS 1.2; TLS 1.3 needs Exchange 2019 CU15 (15.2.1748.10) or Exchange SE
 * (15.2.2562.17) [S15]. Exchange 2010 build numbers were not collected, so for 2010 the inputs cannot decide.
 *
 * @param version {@code 2010}, {@code 2013}, {@code 2016}, {@code 2019}, {@code SE}, or {@code null} when unknown
 * @param tls12   whether the build uses TLS 1.2 on SMTP
 * @param tls13   whether the build can use TLS 1.3 (the Exchange side only)
 */
public record ExchangeBaseline(String version, String build, TlsSupport tls12, TlsSupport tls13, String reason,
                               Provenance source) implements Derived {

    static final long[] E2013_CU8 = {15, 0, 1076, 9};
    static final long[] E2013_CU19 = {15, 0, 1365, 1};
    static final long[] E2016_CU8 = {15, 1, 1415, 2};
    static final long[] E2019_CU15 = {15, 2, 1748, 10};
    static final long[] SE_RTM = {15, 2, 2562, 17};

    public static ExchangeBaseline of(HostProfile host) {
        long[] b = parse(host.exchangeBuild());
        String version = host.exchangeVersion();
        if (version == null && b != null && b.length >= 2) {
            version = b[0] == 14 ? "2010" : b[0] != 15 ? null : b[1] == 0 ? "2013" : b[1] == 1 ? "2016"
                    : b[1] == 2 ? (compare(b, SE_RTM) >= 0 ? "SE" : "2019") : null;
        }
        String build = host.exchangeBuild();
        Provenance src = host.source();
        if (version == null) {
            return new ExchangeBaseline(null, build, TlsSupport.UNKNOWN, TlsSupport.UNKNOWN,
                    "the inputs do not show an Exchange version or build", src);
        }
        switch (version) {
            case "2010":
                return new ExchangeBaseline(version, build, TlsSupport.UNKNOWN, TlsSupport.UNSUPPORTED, "Exchange 2010 needs SP3 RU9 "
                        + "to drop the hard-coded TLS 1.0 on SMTP and newer rollups for TLS 1.2; the inputs carry no "
                        + "2010 build baseline, so they cannot decide", src);
            case "SE":
                return new ExchangeBaseline(version, build, TlsSupport.SUPPORTED, TlsSupport.SUPPORTED,
                        "Exchange SE supports TLS 1.2 (and TLS 1.3 on Windows Server 2022 or later)", src);
            case "2019":
                boolean cu15 = b != null && compare(b, E2019_CU15) >= 0;
                return new ExchangeBaseline(version, build, TlsSupport.SUPPORTED, b == null ? TlsSupport.UNKNOWN
                        : cu15 ? TlsSupport.SUPPORTED : TlsSupport.UNSUPPORTED, "Exchange 2019 " + (build == null ? "" : build + " ")
                        + "supports TLS 1.2" + (b == null ? "" : cu15 ? "; CU15 or later also TLS 1.3"
                        : "; TLS 1.3 needs CU15 (15.2.1748.10) or later"), src);
            case "2013":
            case "2016":
                if (b == null) {
                    return new ExchangeBaseline(version, build, TlsSupport.UNKNOWN, TlsSupport.UNSUPPORTED,
                            "Exchange " + version + " without a build number", src);
                }
                long[] min = version.equals("2013") ? E2013_CU19 : E2016_CU8;
                boolean ok = compare(b, min) >= 0;
                String hard = version.equals("2013") && compare(b, E2013_CU8) < 0
                        ? "; below CU8 (15.0.1076.9) SMTP is even hard-coded to TLS 1.0" : "";
                return new ExchangeBaseline(version, build, ok ? TlsSupport.SUPPORTED : TlsSupport.UNSUPPORTED, TlsSupport.UNSUPPORTED,
                        "Exchange " + version + " " + build + (ok ? " is at or above " : " is below ")
                                + (version.equals("2013") ? "CU19 (15.0.1365.1)" : "CU8 (15.1.1415.2)")
                                + ", the first build that uses TLS 1.2 on SMTP" + hard, src);
            default:
                return new ExchangeBaseline(version, build, TlsSupport.UNKNOWN, TlsSupport.UNKNOWN,
                        "unrecognised Exchange version " + version, src);
        }
    }

    @Override
    public List<RegistryValue> values() {
        return List.of();
    }

    @Override
    public String describe() {
        return reason;
    }

    static long[] parse(String text) {
        if (text == null || !text.strip().matches("\\d{1,9}(\\.\\d{1,9}){1,3}")) {
            return null;
        }
        String[] parts = text.strip().split("\\.");
        long[] out = new long[4];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Long.parseLong(parts[i]);
        }
        return out;
    }

    static int compare(long[] a, long[] b) {
        for (int i = 0; i < 4; i++) {
            if (a[i] != b[i]) {
                return Long.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
