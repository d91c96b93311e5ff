package org.sheath.analysis.traj;

import java.io.IOException;
import java.nio.file.Path;

/** Base of the line-oriented readers. */
abstract class TextReader extends AbstractReader {
    final TextInput t;

    TextReader(Path file) throws IOException {
        super(file, new BinaryInput(file, 1 << 20));
        t = new TextInput(in);
    }

    @Override
    long firstFrameOffset() {
        return 0;
    }

    TrajectoryException bad(int index, String what) {
        return new TrajectoryException(name + ": frame " + index + " is corrupt at line starting at byte "
                + t.lineOffset + " (" + what + ")");
    }

    /** Next line, or a "truncated" error. */
    void need(int index) {
        if (!t.nextLine()) {
            throw TrajectoryException.truncated(name, index, in.size);
        }
    }

    double num(int from, int to, int index, String what) {
        try {
            return TextInput.parseDouble(t.buf(), from, Math.min(to, t.end));
        } catch (NumberFormatException e) {
            throw bad(index, "cannot read " + what + " from '" + t.line().trim() + "'");
        }
    }

    double tokNum(int i, int index) {
        try {
            return t.tokenDouble(i);
        } catch (NumberFormatException e) {
            throw bad(index, "not a number: '" + t.token(i) + "'");
        }
    }

    long tokLong(int i, int index) {
        try {
            return t.tokenLong(i);
        } catch (NumberFormatException e) {
            throw bad(index, "not an integer: '" + t.token(i) + "'");
        }
    }

    /** Time and step from GROMACS titles such as {@code "... t=  10.000 step= 5000"}; NaN / -1 if absent. */
    static double titleTime(String title) {
        int i = title.indexOf("t=");
        while (i > 0 && Character.isLetterOrDigit(title.charAt(i - 1))) {
            i = title.indexOf("t=", i + 1);
        }
        if (i < 0) {
            return Double.NaN;
        }
        return leadingNumber(title, i + 2);
    }

    static long titleStep(String title) {
        int i = title.indexOf("step=");
        if (i < 0) {
            return -1;
        }
        double v = leadingNumber(title, i + 5);
        return Double.isNaN(v) ? -1 : (long) v;
    }

    private static double leadingNumber(String s, int from) {
        int p = from;
        while (p < s.length() && s.charAt(p) == ' ') {
            p++;
        }
        int q = p;
        while (q < s.length() && " \t".indexOf(s.charAt(q)) < 0) {
            q++;
        }
        try {
            return Double.parseDouble(s.substring(p, q));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
