package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the diagnosed server is: Windows release, Exchange build and .NET Framework 4.x release.
 * Any part may be unknown ({@code null}); rules that need it then ask for it as missing evidence.
 *
 * @param windowsProduct  {@code ProductName} from {@code HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion}
 * @param windowsBuild    {@code CurrentBuildNumber} (or {@code CurrentBuild}) from the same key
 * @param exchangeVersion {@code 2010}, {@code 2013}, {@code 2016}, {@code 2019} or {@code SE}, when known
 * @param exchangeBuild   dotted build {@code major.minor.build.revision}, e.g. {@code 15.1.2507.6}
 * @param dotNetRelease   {@code Release} DWORD under {@code NET Framework Setup\NDP\v4\Full}
 * @param hostName        the computer name, used to keep fix scripts on the machine they were made for
 * @param fqdn            the server's fully qualified name, as an export names it (Get-ExchangeServer {@code Fqdn})
 * @param collected       when the evidence was collected, as an input records it (ISO-8601 UTC when the input
 *                        writes a parseable time, otherwise its text as given), or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostProfile(String windowsProduct, Integer windowsBuild, String exchangeVersion, String exchangeBuild,
                          Integer dotNetRelease, String hostName, String fqdn, String collected,
                          Provenance source)
        implements Fact {

    public static final HostProfile UNKNOWN = new HostProfile(null, null, null, null, null, null,
            Provenance.of("(no host profile)"));

    /** A profile without FQDN and collection time (most inputs record neither). */
    public HostProfile(String windowsProduct, Integer windowsBuild, String exchangeVersion, String exchangeBuild,
                       Integer dotNetRelease, String hostName, Provenance source) {
        this(windowsProduct, windowsBuild, exchangeVersion, exchangeBuild, dotNetRelease, hostName, null, null, source);
    }

    public HostProfile {
        if (source == null) {
            source = Provenance.of("(no host profile)");
        }
    }

    /** Whether anything at all is known about the host. */
    @JsonIgnore
    public boolean isKnown() {
        return windowsProduct != null || windowsBuild != null || exchangeBuild != null || dotNetRelease != null;
    }

    /** Combines two partial profiles (e.g. from two exports of the same server); known values win. */
    public HostProfile merge(HostProfile other) {
        if (other == null || !other.isKnown() && other.hostName == null && other.fqdn == null
                && other.collected == null) {
            return this;
        }
        if (!isKnown() && hostName == null && fqdn == null && collected == null) {
            return other;
        }
        return new HostProfile(
                windowsProduct != null ? windowsProduct : other.windowsProduct,
                windowsBuild != null ? windowsBuild : other.windowsBuild,
                exchangeVersion != null ? exchangeVersion : other.exchangeVersion,
                exchangeBuild != null ? exchangeBuild : other.exchangeBuild,
                dotNetRelease != null ? dotNetRelease : other.dotNetRelease,
                hostName != null ? hostName : other.hostName,
                fqdn != null ? fqdn : other.fqdn,
                collected != null ? collected : other.collected,
                source);
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (windowsProduct != null || windowsBuild != null) {
            b.append(windowsProduct != null ? windowsProduct : "Windows").append(windowsBuild != null ? " build " + windowsBuild : "");
        }
        if (exchangeBuild != null || exchangeVersion != null) {
            b.append(b.length() > 0 ? ", " : "").append("Exchange ")
                    .append(exchangeVersion != null ? exchangeVersion + " " : "")
                    .append(exchangeBuild != null ? exchangeBuild : "");
        }
        if (dotNetRelease != null) {
            b.append(b.length() > 0 ? ", " : "").append(".NET release ").append(dotNetRelease);
        }
        return b.length() == 0 ? "host profile unknown" : b.toString().strip();
    }
}
