package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.knowledge.SymptomDefinition;
import io.mailflowkb.model.regex.KnowledgeRegex;
import io.mailflowkb.model.spi.SymptomSet;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finds which knowledge symptoms a line shows. The symptom texts come from the knowledge files at run time, so
 * this is built per request. Literals are matched case-insensitively as substrings with one Aho-Corasick pass
 * over the line (a DFA over lower-cased ASCII), so the cost per line does not grow with the number of literals;
 * that is what keeps a 1 GB scan near grep speed. Non-ASCII characters share one input class and hits on
 * literals that contain them are confirmed with {@link String#regionMatches}. When every literal has at least
 * {@link ShiftTable#MIN_LENGTH} characters (the knowledge's are SMTP replies of 20+), a Wu-Manber shift table
 * lets the scan jump over most of each line instead, which is what grep does. Regexes run on the knowledge's
 * one linear-time engine ({@link KnowledgeRegex}, so a hostile pattern costs time in proportion to the line, never
 * a hang or a stack overflow), case-insensitively, on the first {@link #REGEX_WINDOW} characters of the line,
 * and only on lines that hold the regex's {@link RequiredLiteral} when it has one (searched with the literals), so
 * a regex symptom costs the line scan almost nothing and the byte-level skip stays on.
 *
 * <p>Not thread-safe (reuses a scratch array); make one per collection.
 */
public final class SymptomMatcher {

    static final int REGEX_WINDOW = 8 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final int CLASSES = 129;
    private static final int OTHER = 128;

    private final List<SymptomDefinition> definitions;
    private final ExoEndpoints peers;
    private final int[][] next;
    private final int[][] outputs;
    private final String[] literalOf;
    private final int[] literalDef;
    private final boolean[] literalNonAscii;
    private final KnowledgeRegex[] patterns;
    /** Per definition, the slot in {@link #hit} its regex's required literal marks, or -1 when it has none. */
    private final int[] prefilterSlot;
    private final boolean[] hit;
    private final boolean empty;
    private final ShiftTable skip;
    private final boolean byteSearch;

    /** Builds the per-thread automaton over a set the caller compiled once (its regexes are shared). */
    public SymptomMatcher(SymptomSet symptoms) {
        this.definitions = symptoms.definitions();
        this.peers = new ExoEndpoints(symptoms.exoAddressRanges());
        List<String> lits = new ArrayList<>();
        List<Integer> defs = new ArrayList<>();
        int count = this.definitions.size();
        patterns = new KnowledgeRegex[count];
        prefilterSlot = new int[count];
        Arrays.fill(prefilterSlot, -1);
        int slots = count;
        for (int d = 0; d < count; d++) {
            SymptomDefinition def = this.definitions.get(d);
            for (String lit : def.literals()) {
                if (lit != null && !lit.isBlank()) {
                    lits.add(lit.toLowerCase(Locale.ROOT));
                    defs.add(d);
                }
            }
            patterns[d] = symptoms.regex(d);
            if (patterns[d] != null) {
                String required = RequiredLiteral.of(def.regex(), ShiftTable.MIN_LENGTH);
                if (required != null) {
                    // searched like a literal, marking a slot of its own past the definitions'
                    prefilterSlot[d] = slots++;
                    lits.add(required);
                    defs.add(prefilterSlot[d]);
                }
            }
        }
        literalOf = lits.toArray(String[]::new);
        literalDef = defs.stream().mapToInt(Integer::intValue).toArray();
        literalNonAscii = new boolean[literalOf.length];
        hit = new boolean[slots];
        empty = literalOf.length == 0 && Arrays.stream(patterns).allMatch(p -> p == null);
        // trie
        List<int[]> trie = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        trie.add(newRow());
        out.add(new ArrayList<>());
        for (int l = 0; l < literalOf.length; l++) {
            int state = 0;
            for (int i = 0; i < literalOf[l].length(); i++) {
                char c = literalOf[l].charAt(i);
                int cls = classOf(c);
                literalNonAscii[l] |= cls == OTHER;
                if (trie.get(state)[cls] < 0) {
                    trie.get(state)[cls] = trie.size();
                    trie.add(newRow());
                    out.add(new ArrayList<>());
                }
                state = trie.get(state)[cls];
            }
            out.get(state).add(l);
        }
        // BFS to turn the trie into a DFA (failure links folded into the transition table)
        int n = trie.size();
        next = new int[n][];
        int[] fail = new int[n];
        for (int s = 0; s < n; s++) {
            next[s] = trie.get(s);
        }
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < CLASSES; c++) {
            if (next[0][c] < 0) {
                next[0][c] = 0;
            } else {
                fail[next[0][c]] = 0;
                queue.add(next[0][c]);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            out.get(s).addAll(out.get(fail[s]));
            for (int c = 0; c < CLASSES; c++) {
                int t = next[s][c];
                if (t < 0) {
                    next[s][c] = next[fail[s]][c];
                } else {
                    fail[t] = next[fail[s]][c];
                    queue.add(t);
                }
            }
        }
        outputs = new int[n][];
        for (int s = 0; s < n; s++) {
            outputs[s] = out.get(s).isEmpty() ? null : out.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        skip = ShiftTable.build(literalOf);
        boolean everyRegexPrefiltered = true;
        for (int d = 0; d < count; d++) {
            everyRegexPrefiltered &= patterns[d] == null || prefilterSlot[d] >= 0;
        }
        byteSearch = skip != null && ShiftTable.asciiOnly(literalOf) && everyRegexPrefiltered;
    }

    /** Whether there is nothing to look for (no knowledge symptoms given). */
    public boolean isEmpty() {
        return empty;
    }

    /**
     * Whether the raw line bytes may show a symptom: {@code false} means certainly none, so a hot loop can skip
     * the line without decoding it. Answers {@code true} (look closer) whenever the byte search cannot decide:
     * regexes without a required literal, short or non-ASCII literals.
     */
    public boolean mayMatch(byte[] b, int off, int len) {
        if (empty) {
            return false;
        }
        if (!byteSearch) {
            return true;
        }
        return skip.any(b, off, len, literalOf);
    }

    /**
     * Whether the line's bytes may show a symptom, exactly as {@link #match} on their decoded text would find one
     * when it says no: the byte search folds ASCII only, so a line with any non-ASCII byte (where the text search's
     * Unicode case folding could match a Kelvin sign for a {@code k}) is always worth a closer look.
     */
    public boolean mayShow(byte[] b, int off, int len) {
        return mayMatch(b, off, len) || byteSearch && !ascii(b, off, len);
    }

    /** Whether {@code b[off, off + len)} is all ASCII (eight bytes at a time). */
    static boolean ascii(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        long high = 0;
        for (; i + 8 <= end; i += 8) {
            high |= (long) LONGS.get(b, i);
        }
        for (; i < end; i++) {
            high |= b[i];
        }
        return (high & 0x8080808080808080L) == 0;
    }

    /** The definitions the text shows, each once, in knowledge order; an empty list (not allocated) for none. */
    public List<SymptomDefinition> match(CharSequence text) {
        if (empty || text == null) {
            return List.of();
        }
        boolean any = false;
        int len = text.length();
        if (skip != null && text instanceof String str) {
            any = skip.scan(str, literalOf, literalDef, hit);
        } else {
            any = automaton(text);
        }
        for (int d = 0; d < patterns.length; d++) {
            // a regex whose required literal is not in the line cannot match it: skip the regex engine
            if (patterns[d] != null && !hit[d] && (prefilterSlot[d] < 0 || hit[prefilterSlot[d]])) {
                CharSequence window = len > REGEX_WINDOW ? text.subSequence(0, REGEX_WINDOW) : text;
                if (patterns[d].find(window)) {
                    hit[d] = true;
                    any = true;
                }
            }
        }
        if (!any) {
            return List.of();
        }
        List<SymptomDefinition> found = new ArrayList<>(2);
        int count = definitions.size();
        for (int d = 0; d < hit.length; d++) {
            if (hit[d]) {
                if (d < count) {
                    found.add(definitions.get(d));
                }
                hit[d] = false;
            }
        }
        return found.isEmpty() ? List.of() : found;
    }

    private boolean automaton(CharSequence text) {
        boolean any = false;
        int state = 0;
        int len = text.length();
        int[][] table = next;
        for (int i = 0; i < len; i++) {
            state = table[state][classOf(text.charAt(i))];
            int[] o = outputs[state];
            if (o != null) {
                for (int l : o) {
                    if (!literalNonAscii[l] || confirm(text, i, l)) {
                        hit[literalDef[l]] = true;
                        any = true;
                    }
                }
            }
        }
        return any;
    }

    private boolean confirm(CharSequence text, int endInclusive, int literal) {
        String lit = literalOf[literal];
        int start = endInclusive - lit.length() + 1;
        return start >= 0 && text.toString().regionMatches(true, start, lit, 0, lit.length());
    }

    private static int classOf(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? c + 32 : c;
        }
        return OTHER;
    }

    private static int[] newRow() {
        int[] row = new int[CLASSES];
        Arrays.fill(row, -1);
        return row;
    }

    /** Who a peer is, by the Exchange Online address ranges that came with the symptoms. */
    public ExoEndpoints peers() {
        return peers;
    }
}
