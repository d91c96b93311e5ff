package org.sheath.analysis.transport;

import java.util.Locale;
import org.sheath.forcefields.InputException;

/**
 * The time step between analysed frames, for analyses that need evenly spaced frames (MSD,
 * residence times). The frames' own times are used unless a step is given: consecutive
 * differences must agree to 0.1 % (plus the rounding of a float time), else it is an input error.
 */
public final class FrameTimes {
    private FrameTimes() {
    }

    /**
     * @param index frame indices in the file, ascending
     * @param time their times, ps
     * @param dtPerFrame time per frame of the file (ps) given by the user, or NaN to use the frame times
     * @param what the analysis, for messages
     * @return the time between consecutive analysed frames, ps
     */
    public static double step(int[] index, double[] time, double dtPerFrame, String what) {
        int n = index.length;
        if (!Double.isNaN(dtPerFrame)) {
            if (!(dtPerFrame > 0)) throw new InputException("--dt must be positive, not " + dtPerFrame);
            if (n < 2) return dtPerFrame;
            int stride = index[1] - index[0];
            for (int k = 2; k < n; k++) {
                if (index[k] - index[k - 1] != stride) {
                    throw new InputException(what + " needs evenly spaced frames, but frames " + index[k - 1] + " and "
                            + index[k] + " are not " + stride + " apart");
                }
            }
            return stride * dtPerFrame;
        }
        if (n < 2) return Double.NaN;
        double dt = (time[n - 1] - time[0]) / (n - 1);
        if (!(dt > 0)) {
            throw new InputException(String.format(Locale.ROOT, "%s needs evenly spaced frame times, but the frames' times "
                    + "do not increase (%g … %g ps); give the time per frame with --dt", what, time[0], time[n - 1]));
        }
        for (int k = 1; k < n; k++) {
            double d = time[k] - time[k - 1];
            double tol = 1e-3 * dt + 4 * Math.ulp((float) Math.max(Math.abs(time[k]), Math.abs(time[k - 1])));
            if (Math.abs(d - dt) > tol) {
                throw new InputException(String.format(Locale.ROOT, "%s needs evenly spaced frames, but frames %d and %d "
                        + "are %.6g ps apart while the mean spacing is %.6g ps (non-uniform output; pick a range with -b/-e, "
                        + "or --dt to override the frame times)", what, index[k - 1], index[k], d, dt));
            }
        }
        return dt;
    }
}
