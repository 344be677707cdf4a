package io.mailflowkb.plugins.exchange;

import io.mailflowkb.plugins.psobject.PsText;
import io.mailflowkb.plugins.psobject.PsValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Exchange value types as each form writes them. CLIXML gives every one a {@code <ToString>}; ConvertTo-Json
 * writes their properties instead (at its default depth, nested values become their display strings), so the
 * display form is rebuilt here: {@code SmtpX509Identifier} as {@code <I>issuer<S>subject}, an address space as
 * {@code SMTP:*;1}, a binding as {@code 0.0.0.0:25}.
 */
final class Shapes {

    private Shapes() {
    }

    /** Each item of a collection read with {@code one}; a single value as a one-item list. */
    static List<String> list(PsValue v, Function<PsValue, String> one) {
        List<String> out = new ArrayList<>();
        if (v == null || v instanceof PsValue.Nil) {
            return out;
        }
        if (v instanceof PsValue.Obj o && (!o.items().isEmpty() || o.display() == null && o.primitive() == null
                && o.members().isEmpty())) {
            for (PsValue item : o.items()) {
                String t = one.apply(item);
                if (t != null) {
                    out.add(t);
                }
            }
            return out;
        }
        if (v instanceof PsValue.Scalar) {
            return PsText.list(v); // a Format-List value, already split by its reader, or one JSON string
        }
        String t = one.apply(v);
        if (t != null) {
            out.add(t);
        }
        return out;
    }

    static String plain(PsValue v) {
        return PsText.text(v);
    }

    static String smartHost(PsValue v) {
        String t = PsText.text(v);
        if (t != null) {
            return t;
        }
        if (v instanceof PsValue.Obj o) {
            String domain = PsText.text(o.member("Domain"));
            if (domain != null) {
                return domain;
            }
            return PsText.text(o.member("Address"));
        }
        return null;
    }

    static String addressSpace(PsValue v) {
        String t = PsText.text(v);
        if (t != null || !(v instanceof PsValue.Obj o)) {
            return t;
        }
        String address = PsText.text(o.member("Address"));
        if (address == null) {
            return null;
        }
        String type = PsText.text(o.member("Type"));
        String cost = PsText.text(o.member("Cost"));
        return (type == null ? "SMTP" : type) + ":" + address + (cost == null ? "" : ";" + cost);
    }

    static String binding(PsValue v) {
        String t = PsText.text(v);
        if (t != null || !(v instanceof PsValue.Obj o)) {
            return t;
        }
        String address = PsText.text(o.member("Address"));
        String port = PsText.text(o.member("Port"));
        if (address == null || port == null) {
            return null;
        }
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    /** {@code <I>issuer<S>subject} from its display string, or from CertificateIssuer/CertificateSubject. */
    static String certificateName(PsValue v) {
        String t = PsText.text(v);
        if (t != null || !(v instanceof PsValue.Obj o)) {
            return t;
        }
        String issuer = PsText.text(o.member("CertificateIssuer"));
        String subject = PsText.text(o.member("CertificateSubject"));
        if (subject == null) {
            return null;
        }
        return (issuer == null ? "" : "<I>" + issuer) + "<S>" + subject;
    }
}
