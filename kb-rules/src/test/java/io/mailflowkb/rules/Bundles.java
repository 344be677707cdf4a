package io.mailflowkb.rules;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryPaths;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.Symptom;
import java.util.List;

/** Small builders for test bundles. */
final class Bundles {

    static final Provenance AT = Provenance.of("test.reg", 1);

    private Bundles() {
    }

    static String proto(String protocol, String role) {
        return RegistryPaths.SCHANNEL_PROTOCOLS + "\\" + protocol + "\\" + role;
    }

    static RegistryValue dword(String key, String name, long value) {
        return RegistryValue.dword(key, name, value, AT);
    }

    static RegistryKey schannelTree() {
        return new RegistryKey(RegistryPaths.SCHANNEL, false, true, AT);
    }

    static HostProfile host(String product, int build, String exchangeBuild, String hostName) {
        return new HostProfile(product, build, null, exchangeBuild, null, hostName, AT);
    }

    static Symptom symptom(String id, String text) {
        return new Symptom(id, text, FlowDirection.OUTBOUND, PeerClass.EXCHANGE_ONLINE, null, 1, null, null, List.of(Provenance.of("send.log", 7)));
    }

    static FactBundle of(Object... facts) {
        FactBundle.Builder b = FactBundle.builder();
        for (Object f : facts) {
            b.add((io.mailflowkb.model.fact.Fact) f);
        }
        return b.build();
    }
}
