package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The certificate a probed peer presented on a successful handshake.
 *
 * @param trusted     whether the chain validates against the JDK trust store (reported, not required)
 * @param expired     whether the leaf is outside its validity period at probe time
 * @param nameMatches whether the probed host name matches the subject or a SAN ({@code null} for IP targets)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeCertificate(String target, String subject, List<String> subjectAltNames, String issuer,
                               List<String> chain, String notBefore, String notAfter, String keyType,
                               Integer keySize, String signatureAlgorithm, Boolean trusted, boolean expired,
                               Boolean nameMatches, Provenance source) implements Fact {

    public ProbeCertificate {
        subjectAltNames = subjectAltNames == null ? List.of() : List.copyOf(subjectAltNames);
        chain = chain == null ? List.of() : List.copyOf(chain);
    }

    @Override
    public String describe() {
        return "certificate of " + target + ": " + subject + " issued by " + issuer + ", valid " + notBefore
                + " to " + notAfter + (expired ? " (EXPIRED)" : "")
                + (Boolean.FALSE.equals(trusted) ? " (untrusted)" : "")
                + (Boolean.FALSE.equals(nameMatches) ? " (name mismatch)" : "");
    }
}
