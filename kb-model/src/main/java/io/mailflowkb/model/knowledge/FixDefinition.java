package io.mailflowkb.model.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A registry value a finding's remediation sets, in structured form so a fix script can be generated from it and
 * compared with the values the inputs show. Validated by the loader: {@code HKLM\} keys only, {@code REG_DWORD}
 * only, a value from 0 to 0xffffffff.
 *
 * @param key   full key path, e.g. {@code HKLM\SYSTEM\...\SCHANNEL\Protocols\TLS 1.2\Client}
 * @param name  value name, e.g. {@code Enabled}
 * @param type  {@code REG_DWORD}
 * @param value the target value, decimal or {@code 0x} hex
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FixDefinition(String key, String name, String type, String value) {
}
