package dev.selfheal.redact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Which of many literals occur in a text, in one pass (an Aho–Corasick automaton over ASCII, case
 * folded): how the redactor decides, per line, which rules are worth running at all.
 */
final class Triggers {
  private static final int ALPHABET = 128;
  private final int[] next; // state * ALPHABET + char
  private final BitSet[] out;
  private final boolean[] accepting;
  private final boolean[] exact;
  private final List<String> words;

  /** States whose words are all exact ones, or only the URL marker: not a hit on their own. */
  private boolean[] weak;

  private boolean[] urlOnly;

  /** The literals, all matched ignoring ASCII case. */
  Triggers(List<String> words, int merged) {
    this(words, merged, new boolean[words.size()]);
  }

  /**
   * @param words the literals; those from index {@code merged} on all report as {@code merged}
   * @param exact which words must match as written (their hits are checked again as written by
   *     {@link #worthALook}; {@link #scan} reports them case-insensitively and callers check)
   */
  Triggers(List<String> words, int merged, boolean[] exact) {
    this.exact = exact.clone();
    this.words = List.copyOf(words);
    List<int[]> go = new ArrayList<>();
    List<BitSet> outs = new ArrayList<>();
    go.add(newRow());
    outs.add(new BitSet());
    for (int w = 0; w < words.size(); w++) {
      int state = 0;
      for (char c : words.get(w).toLowerCase(Locale.ROOT).toCharArray()) {
        int ch = c < ALPHABET ? c : 0;
        if (go.get(state)[ch] <= 0) {
          go.get(state)[ch] = go.size();
          go.add(newRow());
          outs.add(new BitSet());
        }
        state = go.get(state)[ch];
      }
      outs.get(state).set(Math.min(w, merged));
    }
    int n = go.size();
    int[] fail = new int[n];
    int[][] delta = new int[n][];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    delta[0] = new int[ALPHABET];
    for (int c = 0; c < ALPHABET; c++) {
      int s = go.get(0)[c];
      delta[0][c] = Math.max(s, 0);
      if (s > 0) {
        fail[s] = 0;
        queue.add(s);
      }
    }
    while (!queue.isEmpty()) {
      int r = queue.poll();
      outs.get(r).or(outs.get(fail[r]));
      delta[r] = new int[ALPHABET];
      for (int c = 0; c < ALPHABET; c++) {
        int s = go.get(r)[c];
        if (s > 0) {
          fail[s] = delta[fail[r]][c];
          delta[r][c] = s;
          queue.add(s);
        } else {
          delta[r][c] = delta[fail[r]][c];
        }
      }
    }
    this.next = new int[n * ALPHABET];
    for (int st = 0; st < n; st++) {
      System.arraycopy(delta[st], 0, next, st * ALPHABET, ALPHABET);
    }
    this.accepting = new boolean[n];
    this.weak = new boolean[n];
    this.urlOnly = new boolean[n];
    for (int st = 0; st < n; st++) {
      accepting[st] = !outs.get(st).isEmpty();
      BitSet o = outs.get(st);
      boolean allExact = true;
      for (int w = o.nextSetBit(0); w >= 0; w = o.nextSetBit(w + 1)) {
        allExact &= w < exact.length && exact[w];
      }
      weak[st] = accepting[st] && allExact;
      boolean onlyUrl = accepting[st];
      for (int w = o.nextSetBit(0); w >= 0; w = o.nextSetBit(w + 1)) {
        onlyUrl &= w < this.words.size() && this.words.get(w).equals("://");
      }
      urlOnly[st] = onlyUrl;
    }
    this.out = outs.toArray(BitSet[]::new);
  }

  private static int[] newRow() {
    int[] row = new int[ALPHABET];
    Arrays.fill(row, -1);
    return row;
  }

  /**
   * True when a word occurs in the bytes (ASCII case ignored), or a run of 24+ token characters
   * mixes upper case, lower case and digits (what {@link Entropy} looks at): false means no rule
   * can match there, so the bytes need not even be decoded.
   */
  boolean worthALook(byte[] b, int from, int to) {
    boolean sawUrl = false;
    int state = 0;
    int run = 0;
    int classes = 0;
    for (int i = from; i < to; i++) {
      int c = b[i] & 0xFF;
      int k = KIND[c];
      if (k == 0) {
        if (run >= 24 && (classes & 7) == 7) {
          return true;
        }
        run = 0;
        classes = 0;
      } else {
        run++;
        classes |= k;
      }
      state = next[state * ALPHABET + FOLD[c]];
      if (accepting[state] && (!weak[state] || confirmed(state, b, i + 1))) {
        if (url(state)) {
          sawUrl = true;
        } else {
          return true;
        }
      }
      if (sawUrl && c == '@') {
        return true; // scheme://...@host: credentials may be there
      }
    }
    return run >= 24 && (classes & 7) == 7;
  }

  /** A byte's kind in a token: 1 upper, 2 lower, 4 digit, 8 other token character, 0 none. */
  private static final int[] KIND = new int[256];

  /** A byte folded to lower case; 0 (the root's reset) for bytes outside ASCII. */
  private static final int[] FOLD = new int[256];

  static {
    for (int c = 0; c < 256; c++) {
      KIND[c] =
          c >= 'A' && c <= 'Z'
              ? 1
              : c >= 'a' && c <= 'z'
                  ? 2
                  : c >= '0' && c <= '9' ? 4 : "+/_-=".indexOf(c) >= 0 && c < 128 ? 8 : 0;
      FOLD[c] = c >= 'A' && c <= 'Z' ? c + 32 : c < ALPHABET ? c : 0;
    }
  }

  private boolean url(int state) {
    return urlOnly[state];
  }

  /** An exact word ending at {@code end} in the bytes, as written. */
  private boolean confirmed(int state, byte[] b, int end) {
    for (int w = out[state].nextSetBit(0); w >= 0; w = out[state].nextSetBit(w + 1)) {
      if (w >= words.size()) {
        return true;
      }
      String word = words.get(w);
      if (!exact[w]) {
        return true;
      }
      int start = end - word.length();
      boolean same = start >= 0;
      for (int k = 0; same && k < word.length(); k++) {
        same = b[start + k] == word.charAt(k);
      }
      if (same) {
        return true;
      }
    }
    return false;
  }

  /** The indexes of the words that occur in {@code text}, ignoring ASCII case. */
  BitSet scan(String text) {
    BitSet found = new BitSet();
    int state = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      state = c < ALPHABET ? next[state * ALPHABET + c] : 0;
      if (accepting[state]) {
        found.or(out[state]);
      }
    }
    return found;
  }
}
