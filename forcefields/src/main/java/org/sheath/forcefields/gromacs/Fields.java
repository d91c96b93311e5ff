package org.sheath.forcefields.gromacs;

import org.sheath.forcefields.InputException;

/** The whitespace-separated fields of one topology line, with parsing that reports file:line on error. */
final class Fields {
    final String[] f;
    final Preprocessor.Line line;
    final String directive;

    Fields(Preprocessor.Line line, String text, String directive) {
        this.line = line;
        this.f = text.strip().split("\\s+");
        this.directive = directive;
    }

    int size() {
        return f.length;
    }

    String str(int i) {
        return f[i];
    }

    int integer(int i, String what) {
        try {
            return Integer.parseInt(f[i]);
        } catch (NumberFormatException e) {
            throw error("expected an integer " + what + " in column " + (i + 1) + ", found '" + f[i] + "'");
        }
    }

    double number(int i, String what) {
        try {
            return Double.parseDouble(f[i]);
        } catch (NumberFormatException e) {
            throw error("expected a number (" + what + ") in column " + (i + 1) + ", found '" + f[i] + "'");
        }
    }

    double[] numbers(int from, int count, String what) {
        double[] d = new double[count];
        for (int k = 0; k < count; k++) d[k] = number(from + k, what);
        return d;
    }

    static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean isInteger(String s) {
        try {
            Integer.parseInt(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    InputException error(String message) {
        return line.error("[ " + directive + " ] " + message);
    }
}
