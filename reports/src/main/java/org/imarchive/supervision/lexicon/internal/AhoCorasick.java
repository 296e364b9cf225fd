package org.imarchive.supervision.lexicon.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick automaton: finds every occurrence of every pattern in one left-to-right pass, whatever the number of
 * patterns. Built as a full transition table over the pattern alphabet (characters that occur in no pattern share
 * one column, which leads back to the root), so each text character costs one array lookup. The table has
 * states × alphabet entries: 6,000 × 27 for the benchmark's 500-entry lexicon.
 * <p>
 * Immutable and thread-safe once built. Matching is exact, char by char; callers fold text and patterns alike.
 */
public final class AhoCorasick {

    /** Receives each occurrence, in order of its end offset; patterns ending at the same offset longest first. */
    @FunctionalInterface
    public interface MatchHandler {
        void onMatch(int pattern, int start, int end);
    }

    private static final int[] NONE = new int[0];

    private final char[] classOf;
    private final int alphabetSize;
    private final int[] transitions;
    private final int[][] matchesAt;
    private final int[] patternLength;

    private AhoCorasick(char[] classOf, int alphabetSize, int[] transitions, int[][] matchesAt, int[] patternLength) {
        this.classOf = classOf;
        this.alphabetSize = alphabetSize;
        this.transitions = transitions;
        this.matchesAt = matchesAt;
        this.patternLength = patternLength;
    }

    /** @param patterns non-empty strings; a pattern's index in this list is the id {@link MatchHandler} reports */
    public static AhoCorasick of(List<String> patterns) {
        char[] classOf = new char[Character.MAX_VALUE + 1];
        int alphabetSize = 1;
        List<Map<Integer, Integer>> children = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        children.add(new HashMap<>());
        ends.add(new ArrayList<>());
        int[] patternLength = new int[patterns.size()];
        for (int p = 0; p < patterns.size(); p++) {
            String pattern = patterns.get(p);
            if (pattern.isEmpty()) {
                throw new IllegalArgumentException("pattern " + p + " is empty");
            }
            patternLength[p] = pattern.length();
            int state = 0;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (classOf[c] == 0) {
                    if (alphabetSize == Character.MAX_VALUE) {
                        throw new IllegalArgumentException("too many distinct characters in the patterns");
                    }
                    classOf[c] = (char) alphabetSize++;
                }
                Integer next = children.get(state).get((int) classOf[c]);
                if (next == null) {
                    next = children.size();
                    children.add(new HashMap<>());
                    ends.add(new ArrayList<>());
                    children.get(state).put((int) classOf[c], next);
                }
                state = next;
            }
            ends.get(state).add(p);
        }
        int states = children.size();
        int[] transitions = new int[Math.multiplyExact(states, alphabetSize)];
        int[] fail = new int[states];
        int[][] matchesAt = new int[states][];
        matchesAt[0] = NONE;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        children.get(0).forEach((symbol, child) -> {
            transitions[symbol] = child;
            queue.add(child);
        });
        // breadth first, so a state's failure state is complete before the state itself
        while (!queue.isEmpty()) {
            int state = queue.poll();
            matchesAt[state] = concat(ends.get(state).stream().mapToInt(Integer::intValue).toArray(), matchesAt[fail[state]]);
            for (int symbol = 1; symbol < alphabetSize; symbol++) {
                Integer child = children.get(state).get(symbol);
                int viaFailure = transitions[fail[state] * alphabetSize + symbol];
                if (child == null) {
                    transitions[state * alphabetSize + symbol] = viaFailure;
                } else {
                    fail[child] = viaFailure;
                    transitions[state * alphabetSize + symbol] = child;
                    queue.add(child);
                }
            }
        }
        for (int state = 0; state < states; state++) {
            if (matchesAt[state].length == 0) {
                matchesAt[state] = null;
            }
        }
        return new AhoCorasick(classOf, alphabetSize, transitions, matchesAt, patternLength);
    }

    public void scan(CharSequence text, MatchHandler handler) {
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            state = transitions[state * alphabetSize + classOf[text.charAt(i)]];
            int[] matches = matchesAt[state];
            if (matches != null) {
                for (int pattern : matches) {
                    handler.onMatch(pattern, i + 1 - patternLength[pattern], i + 1);
                }
            }
        }
    }

    private static int[] concat(int[] own, int[] inherited) {
        if (own.length == 0) {
            return inherited;
        }
        int[] all = Arrays.copyOf(own, own.length + inherited.length);
        System.arraycopy(inherited, 0, all, own.length, inherited.length);
        return all;
    }
}
