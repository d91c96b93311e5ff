package org.sheath.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Integer coordinates through {@link XtcCodec.Encoder#encode} and back through {@link XtcCodec#decode}, exactly. */
class XtcCodecTest {
    /**
     * Clusters of bonded-like neighbours (small deltas) between far jumps of up to {@code spread};
     * spreads from 2^10 to 2^30 cover the packed (at most 62 bits), wide (more than 62 bits, byte
     * string arithmetic) and "large" (a bounding box over 2^24) encodings.
     */
    @ParameterizedTest
    @CsvSource({"1000, 1024", "1000, 100000", "2000, 2000000", "2000, 4194304", "1000, 30000000", "500, 1073741824",
            "10, 500", "11, 50000"})
    void roundTripIsExact(int n, int spread) {
        Random rnd = new Random(n * 31L + spread);
        int[] x = new int[n], y = new int[n], z = new int[n];
        for (int i = 0; i < n; i++) {
            boolean near = i > 0 && rnd.nextInt(4) > 0;
            int d = near ? 50 : spread;
            x[i] = (near ? x[i - 1] : 0) + rnd.nextInt(d) - (near ? d / 2 : 0);
            y[i] = (near ? y[i - 1] : 0) + rnd.nextInt(d) - (near ? d / 2 : 0);
            z[i] = (near ? z[i - 1] : 0) + rnd.nextInt(d) - (near ? d / 2 : 0);
        }
        int min0 = Integer.MAX_VALUE, min1 = Integer.MAX_VALUE, min2 = Integer.MAX_VALUE;
        int max0 = Integer.MIN_VALUE, max1 = Integer.MIN_VALUE, max2 = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            min0 = Math.min(min0, x[i]);
            min1 = Math.min(min1, y[i]);
            min2 = Math.min(min2, z[i]);
            max0 = Math.max(max0, x[i]);
            max1 = Math.max(max1, y[i]);
            max2 = Math.max(max2, z[i]);
        }
        int smallidx = XtcCodec.initialSmallIndex(x, y, z);
        byte[] buf = new byte[16 * n + 64];
        XtcCodec.Encoder enc = new XtcCodec.Encoder();
        // twice with one encoder: the reused state must not leak from one frame into the next
        for (int round = 0; round < 2; round++) {
            java.util.Arrays.fill(buf, (byte) 0);
            int len = enc.encode(x, y, z, n, min0, min1, min2, (long) max0 - min0 + 1, (long) max1 - min1 + 1,
                    (long) max2 - min2 + 1, smallidx, buf, 4);
            assertThat(len).isPositive().isLessThanOrEqualTo(16 * n);
            double[] dx = new double[n], dy = new double[n], dz = new double[n];
            String err = XtcCodec.decode(buf, 4, len, n, 1f, min0, min1, min2, max0, max1, max2, smallidx,
                    dx, dy, dz, new int[32]);
            assertThat(err).isNull();
            for (int i = 0; i < n; i++) {
                // precision 1: the decoder returns (float) v
                assertThat(dx[i]).isEqualTo((double) (float) x[i]);
                assertThat(dy[i]).isEqualTo((double) (float) y[i]);
                assertThat(dz[i]).isEqualTo((double) (float) z[i]);
            }
        }
    }
}
