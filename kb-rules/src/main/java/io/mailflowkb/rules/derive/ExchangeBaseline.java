package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.knowledge.ExchangeBuildDefinition;
import java.util.List;

/**
 * What the Exchange build on the host can do with TLS, from the documented baselines: the rows of the knowledge's
 * build table marked {@code firstWith} ({@code knowledge/tls-deprecation/exchange-builds.yaml}, which names each
 * row's source; build numbers from HealthChecker data). There: TLS 1.2 on SMTP needs Exchange 2013 CU19 or
 * Exchange 2016 CU8; Exchange 2013 below CU8 even hard-codes TLS 1.0 on SMTP; every Exchange 2019 build can
 * use TLS 1.2; TLS 1.3 needs Exchange 2019 CU15 or Exchange SE. Exchange 2010 build numbers were not
 * collected, so for 2010 the inputs cannot decide.
 *
 * @param version {@code 2010}, {@code 2013}, {@code 2016}, {@code 2019}, {@code SE}, or {@code null} when unknown
 * @param tls12   whether the build uses TLS 1.2 on SMTP
 * @param tls13   whether the build can use TLS 1.3 (the Exchange side only)
 */
public record ExchangeBaseline(String version, String build, TlsSupport tls12, TlsSupport tls13, String reason,
                               Provenance source) implements Derived {

    public static ExchangeBaseline of(HostProfile host, ExchangeBaselines table) {
        long[] b = parse(host.exchangeBuild());
        String version = host.exchangeVersion();
        if (version == null && b != null) {
            version = b[0] == 14 ? "2010" : b[0] != 15 ? null : b[1] == 0 ? "2013" : b[1] == 1 ? "2016"
                    : b[1] == 2 ? (table.atLeast(b, table.first(15, 2, "subscription-edition")) ? "SE"
                    : "2019") : null;
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
                ExchangeBuildDefinition tls13 = table.first(15, 2, "tls13");
                boolean known = b != null && tls13 != null;
                boolean cu15 = known && table.atLeast(b, tls13);
                return new ExchangeBaseline(version, build, TlsSupport.SUPPORTED, !known ? TlsSupport.UNKNOWN
                        : cu15 ? TlsSupport.SUPPORTED : TlsSupport.UNSUPPORTED, "Exchange 2019 " + (build == null ? "" : build + " ")
                        + "supports TLS 1.2" + (!known ? "" : cu15 ? "; " + tls13.name() + " or later also TLS 1.3"
                        : "; TLS 1.3 needs " + ExchangeBaselines.named(tls13) + " or later"), src);
            case "2013":
            case "2016":
                if (b == null) {
                    return new ExchangeBaseline(version, build, TlsSupport.UNKNOWN, TlsSupport.UNSUPPORTED,
                            "Exchange " + version + " without a build number", src);
                }
                long minor = version.equals("2013") ? 0 : 1;
                ExchangeBuildDefinition min = table.first(15, minor, "tls12-smtp");
                if (min == null) {
                    return new ExchangeBaseline(version, build, TlsSupport.UNKNOWN, TlsSupport.UNSUPPORTED, "Exchange " + version + " "
                            + build + ": the build table marks no first build that uses TLS 1.2 on SMTP", src);
                }
                boolean ok = table.atLeast(b, min);
                ExchangeBuildDefinition notTls10Only = table.first(15, minor, "smtp-not-tls10-only");
                String hard = notTls10Only != null && !table.atLeast(b, notTls10Only)
                        ? "; below " + ExchangeBaselines.named(notTls10Only) + " SMTP is even hard-coded to TLS 1.0"
                        : "";
                return new ExchangeBaseline(version, build, ok ? TlsSupport.SUPPORTED : TlsSupport.UNSUPPORTED, TlsSupport.UNSUPPORTED,
                        "Exchange " + version + " " + build + (ok ? " is at or above " : " is below ")
                                + ExchangeBaselines.named(min) + ", the first build that uses TLS 1.2 on SMTP" + hard,
                        src);
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

    /** 2 to 4 parts, as Exchange writes its builds (15.1.2507.6); anything else is no build. */
    static long[] parse(String text) {
        long[] b = DottedVersion.parse(text);
        return b == null || b.length < 2 || b.length > 4 ? null : b;
    }

    static int compare(long[] a, long[] b) {
        return DottedVersion.compare(a, b);
    }
}
