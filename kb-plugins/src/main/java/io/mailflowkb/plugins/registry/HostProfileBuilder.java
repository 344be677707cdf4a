package io.mailflowkb.plugins.registry;

import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryPaths;
import io.mailflowkb.model.fact.RegistryValue;
import java.util.Locale;
import java.util.Optional;

/**
 * Collects the few values that say what the host is (Windows release, Exchange build, .NET release) while the
 * values of an export stream past. Exchange's version name comes from the MSI product version; builds from
 * 15.2.2562 on are Exchange SE (SE RTM is 15.2.2562.17) [S56].
 */
final class HostProfileBuilder {

    static final String CURRENT_VERSION = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    static final String COMPUTER_NAME = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName";
    static final String EXCHANGE_V15 = "HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup";
    static final String EXCHANGE_V14 = "HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v14\\Setup";
    static final String NDP_V4_FULL = "HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full";

    private static final int SE_FIRST_BUILD = 2562;

    private String product;
    private Integer buildNumber;
    private Integer currentBuild;
    private String hostName;
    private Integer dotNet;
    private final Long[][] msi = new Long[2][4];     // [v15, v14][productMajor, productMinor, buildMajor, buildMinor]
    private Provenance first;

    void observe(RegistryValue v) {
        String key = v.key();
        String name = v.name().toLowerCase(Locale.ROOT);
        boolean used = true;
        if (RegistryPaths.equal(key, CURRENT_VERSION)) {
            switch (name) {
                case "productname" -> product = v.data();
                case "currentbuildnumber" -> buildNumber = integer(v);
                case "currentbuild" -> currentBuild = integer(v);
                default -> used = false;
            }
        } else if (RegistryPaths.equal(key, COMPUTER_NAME) && name.equals("computername") && !v.data().isBlank()) {
            hostName = v.data();
        } else if (RegistryPaths.equal(key, NDP_V4_FULL) && name.equals("release") && v.isNumber()) {
            dotNet = integer(v);
        } else if (RegistryPaths.equal(key, EXCHANGE_V15) || RegistryPaths.equal(key, EXCHANGE_V14)) {
            int slot = switch (name) {
                case "msiproductmajor" -> 0;
                case "msiproductminor" -> 1;
                case "msibuildmajor" -> 2;
                case "msibuildminor" -> 3;
                default -> -1;
            };
            used = slot >= 0 && v.isNumber();
            if (used) {
                msi[RegistryPaths.equal(key, EXCHANGE_V15) ? 0 : 1][slot] = v.number();
            }
        } else {
            used = false;
        }
        if (used && first == null) {
            first = v.source();
        }
    }

    /** The profile, if the export contained any of its values. */
    Optional<HostProfile> build() {
        if (first == null) {
            return Optional.empty();
        }
        Long[] m = msi[0][0] != null ? msi[0] : msi[1];
        String build = m[0] != null && m[1] != null && m[2] != null && m[3] != null
                ? m[0] + "." + m[1] + "." + m[2] + "." + m[3] : null;
        Integer windowsBuild = buildNumber != null ? buildNumber : currentBuild;
        return Optional.of(new HostProfile(product, windowsBuild, exchangeVersion(m), build, dotNet, hostName,
                new Provenance(first.source(), first.line(), "host profile")));
    }

    private static String exchangeVersion(Long[] m) {
        if (m[0] == null) {
            return null;
        }
        if (m[0] == 14) {
            return "2010";
        }
        if (m[0] != 15 || m[1] == null) {
            return null;
        }
        return switch (m[1].intValue()) {
            case 0 -> "2013";
            case 1 -> "2016";
            case 2 -> m[2] != null && m[2] >= SE_FIRST_BUILD ? "SE" : "2019";
            default -> null;
        };
    }

    private static Integer integer(RegistryValue v) {
        try {
            long n = v.isNumber() ? v.number() : Long.parseLong(v.data().strip());
            return n >= 0 && n <= Integer.MAX_VALUE ? (int) n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
