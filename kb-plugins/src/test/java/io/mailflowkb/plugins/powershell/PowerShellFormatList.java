package io.mailflowkb.plugins.powershell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints records the way Windows PowerShell 5.1's {@code Format-List} does at a given console width, following
 * its source (StringManipulationHelper.GenerateLinesWithWordWrap for English-like cultures: each word keeps its
 * trailing space, a line breaks before the word that does not fit, a word longer than the line is cut at the
 * width; GenerateLinesWithoutWordWrap for other cultures: cut at the width). Labels are padded to the longest
 * label of the record, continuation lines indented to the value column. For tests only.
 */
final class PowerShellFormatList {

    private PowerShellFormatList() {
    }

    static String print(List<Map<String, String>> records, int width, boolean wordWrap) {
        StringBuilder out = new StringBuilder("\r\n");
        for (Map<String, String> r : records) {
            int pad = r.keySet().stream().mapToInt(String::length).max().orElse(0);
            int column = pad + 3;
            for (Map.Entry<String, String> e : r.entrySet()) {
                List<String> lines = wordWrap ? wrap(e.getValue(), width - column) : cut(e.getValue(), width - column);
                out.append(String.format("%-" + pad + "s : %s\r\n", e.getKey(), lines.get(0)));
                for (int i = 1; i < lines.size(); i++) {
                    out.append(" ".repeat(column)).append(lines.get(i)).append("\r\n");
                }
            }
            out.append("\r\n");
        }
        return out.append("\r\n").toString();
    }

    static List<String> wrap(String value, int len) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int left = len;
        String[] words = value.split(" ", -1);
        for (int w = 0; w < words.length; w++) {
            String word = words[w] + (w < words.length - 1 ? " " : "");
            if (word.length() > len) {
                for (char c : word.toCharArray()) {
                    if (left < 1) {
                        lines.add(line.toString());
                        line.setLength(0);
                        left = len;
                    }
                    line.append(c);
                    left--;
                }
            } else if (word.length() > left) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
                left = len - word.length();
            } else {
                line.append(word);
                left -= word.length();
            }
        }
        lines.add(line.toString());
        return lines;
    }

    static List<String> cut(String value, int len) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < value.length(); i += len) {
            lines.add(value.substring(i, Math.min(value.length(), i + len)));
        }
        return lines.isEmpty() ? List.of("") : lines;
    }
}
