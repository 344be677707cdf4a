package io.mailflowkb.rules.report;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.ReceiveConnector;
import io.mailflowkb.model.fact.ServerName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which server the report is about, and how sure the inputs are. A host profile names it best (the ComputerName
 * export, the collection manifest, Get-ExchangeServer, HealthChecker: inputs that describe the computer itself).
 * Without one, inputs that name it in passing are tried in this order: an event's {@code <Computer>} (the computer
 * that logged it), a queue's {@code Identity} ({@code EX02\42}; Get-Queue lists the local server's queues), then
 * the receive connectors ({@code EX02\Default Frontend EX02}), but only when they all name one server: an
 * unfiltered Get-ReceiveConnector lists every server of the organisation. Any of them naming another server is
 * said, never silently outvoted.
 */
final class ServerNaming {

    /** A name, where it came from (null when from a host profile), and another server an input names, or null. */
    record Naming(String name, String from, String conflict) {
    }

    private record Claim(String server, String words, String where) {
    }

    private ServerNaming() {
    }

    static Naming of(FactBundle bundle) {
        List<Claim> claims = new ArrayList<>();
        for (ServerName.Basis basis : ServerName.Basis.values()) {
            for (ServerName n : bundle.serverNames()) {
                if (n.basis() == basis) {
                    claims.add(new Claim(n.computer(), basis.words(), where(n.source())));
                }
            }
        }
        Set<String> connectorServers = new LinkedHashSet<>();
        bundle.receiveConnectors().forEach(c -> {
            String s = serverOf(c);
            if (s != null) {
                connectorServers.add(s.toUpperCase(Locale.ROOT));
            }
        });
        if (connectorServers.size() == 1) {
            ReceiveConnector c = bundle.receiveConnectors().stream().filter(r -> serverOf(r) != null).findFirst()
                    .orElseThrow();
            claims.add(new Claim(serverOf(c).toUpperCase(Locale.ROOT), "the receive connector " + c.identity(),
                    where(c.source())));
        }
        String hostName = bundle.host() == null ? null : bundle.host().hostName();
        String name;
        String from = null;
        if (hostName != null && !hostName.isBlank()) {
            name = hostName;
        } else if (!claims.isEmpty()) {
            name = claims.get(0).server();
            from = claims.get(0).words() + ", " + claims.get(0).where();
        } else {
            return new Naming(null, null, null);
        }
        String conflict = null;
        String ours = firstLabel(name);
        for (Claim c : claims) {
            if (!c.server().equals(ours)) {
                conflict = c.where() + " (" + c.words() + ") names " + c.server();
                break;
            }
        }
        return new Naming(name, from, conflict);
    }

    /** The connector's {@code Server}, else the part of its identity before the backslash, else null. */
    private static String serverOf(ReceiveConnector c) {
        if (c.server() != null && !c.server().isBlank()) {
            return firstLabel(c.server());
        }
        int slash = c.identity().indexOf('\\');
        return slash > 0 ? firstLabel(c.identity().substring(0, slash)) : null;
    }

    private static String firstLabel(String name) {
        String n = name.strip();
        int dot = n.indexOf('.');
        return (dot > 0 ? n.substring(0, dot) : n).toUpperCase(Locale.ROOT);
    }

    /** {@code get-queue.txt:7}, or {@code schannel-events.xml:1 record 4711} where the line alone is not enough. */
    private static String where(Provenance p) {
        return p.location() + (p.detail() == null ? "" : " " + p.detail());
    }
}
