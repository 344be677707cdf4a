package io.mailflowkb.rules.report;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.finding.HostSummary;
import io.mailflowkb.model.knowledge.ExchangeBuildDefinition;
import io.mailflowkb.rules.derive.DottedVersion;
import java.util.List;
import java.util.Map;

/** {@link HostSummaries#of} as it was before it read the build table's parsed builds (every row parsed per run). */
final class HostSummariesBefore {

    private static final Map<String, String> PRODUCTS = Map.of("2010", "Exchange Server 2010", "2013",
            "Exchange Server 2013", "2016", "Exchange Server 2016", "2019", "Exchange Server 2019", "SE",
            "Exchange Server Subscription Edition");

    private HostSummariesBefore() {
    }

    static HostSummary of(FactBundle bundle, List<ExchangeBuildDefinition> builds) {
        HostProfile h = bundle.host() == null ? HostProfile.UNKNOWN : bundle.host();
        String build = h.exchangeBuild();
        ExchangeBuildDefinition exact = null;
        ExchangeBuildDefinition below = null;
        long[] parts = DottedVersion.parse(build);
        if (parts != null && parts.length == 4) {
            for (ExchangeBuildDefinition b : builds) {
                long[] row = DottedVersion.parse(b.build());
                if (row[0] != parts[0] || row[1] != parts[1]) {
                    continue;
                }
                int c = DottedVersion.compare(row, parts);
                if (c == 0) {
                    exact = b;
                } else if (c < 0) {
                    below = b;
                }
            }
        }
        String product = exact != null ? exact.product() : below != null ? below.product()
                : h.exchangeVersion() != null ? PRODUCTS.get(h.exchangeVersion()) : null;
        if (product == null && build != null) {
            String version = io.mailflowkb.rules.derive.ExchangeBaseline.of(h,
                    new io.mailflowkb.rules.derive.ExchangeBaselines(builds)).version();
            product = version == null ? null : PRODUCTS.get(version);
        }
        String cu = exact != null ? exact.name() : below != null ? "later than " + below.name() : null;
        String[] range = HostSummaries.timeRange(bundle);
        ServerNaming.Naming naming = ServerNaming.of(bundle);
        return new HostSummary(naming.name(), naming.from(), naming.conflict(), h.fqdn(), h.windowsProduct(),
                h.windowsBuild() == null ? null : String.valueOf(h.windowsBuild()), product, build, cu, h.collected(),
                range[0], range[1]);
    }
}
