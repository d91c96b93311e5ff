package org.sheath.analysis.traj;

/**
 * Line-oriented view of a {@link BinaryInput} (ASCII). After {@link #nextLine()} the line is
 * {@code buf()[start, end)} without its line terminator; it stays valid until the next call.
 * Also splits lines into whitespace-separated tokens and parses numbers without allocating.
 */
final class TextInput {
    final BinaryInput in;
    int start, end;
    /** File offset of the current line's first byte. */
    long lineOffset;
    /** Token bounds of the last {@link #tokenize()}. */
    int[] tokStart = new int[16], tokEnd = new int[16];
    int ntok;

    TextInput(BinaryInput in) {
        this.in = in;
    }

    byte[] buf() {
        return in.buf;
    }

    /** Advances to the next line; false at end of file. */
    boolean nextLine() {
        int scanned = 0;
        while (true) {
            byte[] b = in.buf;
            int p = in.pos + scanned;
            int lim = in.lim;
            while (p < lim && b[p] != '\n') {
                p++;
            }
            if (p < lim) {
                lineOffset = in.position();
                start = in.pos;
                end = p > start && b[p - 1] == '\r' ? p - 1 : p;
                in.pos = p + 1;
                return true;
            }
            scanned = lim - in.pos;
            if (!in.ensure(scanned + 1L + Math.max(scanned, 65536))) {
                if (in.available() > scanned) {
                    continue;
                }
                if (scanned == 0) {
                    return false;
                }
                lineOffset = in.position();
                start = in.pos;
                end = in.lim;
                in.pos = in.lim;
                return true;
            }
        }
    }

    String line() {
        return new String(in.buf, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    boolean startsWith(String prefix) {
        int n = prefix.length();
        if (end - start < n) {
            return false;
        }
        byte[] b = in.buf;
        for (int i = 0; i < n; i++) {
            if (b[start + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Splits the current line at whitespace; returns the number of tokens. */
    int tokenize() {
        byte[] b = in.buf;
        int n = 0;
        int p = start;
        while (true) {
            while (p < end && (b[p] == ' ' || b[p] == '\t')) {
                p++;
            }
            if (p >= end) {
                break;
            }
            if (n == tokStart.length) {
                tokStart = java.util.Arrays.copyOf(tokStart, 2 * n);
                tokEnd = java.util.Arrays.copyOf(tokEnd, 2 * n);
            }
            tokStart[n] = p;
            while (p < end && b[p] != ' ' && b[p] != '\t') {
                p++;
            }
            tokEnd[n++] = p;
        }
        ntok = n;
        return n;
    }

    String token(int i) {
        return new String(in.buf, tokStart[i], tokEnd[i] - tokStart[i], java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    double tokenDouble(int i) {
        return parseDouble(in.buf, tokStart[i], tokEnd[i]);
    }

    long tokenLong(int i) {
        return parseLong(in.buf, tokStart[i], tokEnd[i]);
    }

    boolean tokenEquals(int i, String s) {
        int n = tokEnd[i] - tokStart[i];
        if (n != s.length()) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (in.buf[tokStart[i] + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    /**
     * Parses a decimal number in {@code b[from, to)} (surrounding blanks allowed).
     * Plain decimals with up to 18 significant digits are converted exactly
     * (one correctly rounded division); anything else falls back to {@link Double#parseDouble}.
     *
     * @throws NumberFormatException if the text is not a number
     */
    static double parseDouble(byte[] b, int from, int to) {
        while (from < to && b[from] == ' ') {
            from++;
        }
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
            to--;
        }
        int p = from;
        boolean neg = false;
        if (p < to && (b[p] == '-' || b[p] == '+')) {
            neg = b[p] == '-';
            p++;
        }
        long mant = 0;
        int digits = 0, frac = 0;
        boolean seenDot = false, any = false;
        for (; p < to; p++) {
            int c = b[p];
            if (c >= '0' && c <= '9') {
                any = true;
                if (mant != 0 || c != '0') {
                    digits++;
                }
                mant = mant * 10 + (c - '0');
                if (seenDot) {
                    frac++;
                }
            } else if (c == '.' && !seenDot) {
                seenDot = true;
            } else {
                break;
            }
        }
        int exp = 0;
        if (p < to && (b[p] == 'e' || b[p] == 'E') && any) {
            int q = p + 1;
            boolean eneg = false;
            if (q < to && (b[q] == '-' || b[q] == '+')) {
                eneg = b[q] == '-';
                q++;
            }
            int e = 0;
            int q0 = q;
            while (q < to && b[q] >= '0' && b[q] <= '9' && e < 10000) {
                e = e * 10 + (b[q++] - '0');
            }
            if (q == q0) {
                throw new NumberFormatException(new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            exp = eneg ? -e : e;
            p = q;
        }
        if (!any || p != to) {
            return Double.parseDouble(new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        int e10 = exp - frac;
        if (digits > 15 || mant > (1L << 53) || e10 < -22 || e10 > 22) {
            return Double.parseDouble(new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        double v = e10 < 0 ? mant / POW10[-e10] : mant * POW10[e10];
        return neg ? -v : v;
    }

    static long parseLong(byte[] b, int from, int to) {
        while (from < to && b[from] == ' ') {
            from++;
        }
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        int p = from;
        boolean neg = false;
        if (p < to && (b[p] == '-' || b[p] == '+')) {
            neg = b[p] == '-';
            p++;
        }
        if (p >= to) {
            throw new NumberFormatException("empty number");
        }
        long v = 0;
        for (; p < to; p++) {
            int c = b[p] - '0';
            if (c < 0 || c > 9 || v > (Long.MAX_VALUE - 9) / 10) {
                throw new NumberFormatException(new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            v = v * 10 + c;
        }
        return neg ? -v : v;
    }
}
