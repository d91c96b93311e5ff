package org.sheath.engine.build;

/**
 * The builder's random numbers: xoshiro256** (Blackman and Vigna) seeded through SplitMix64. Written
 * out here rather than taken from the JDK so that a seed gives the same numbers, and therefore the
 * same coordinates bit for bit, on every Java version.
 */
final class Rng {
    private long s0, s1, s2, s3;

    Rng(long seed) {
        long z = seed;
        s0 = splitMix(z += 0x9E3779B97F4A7C15L);
        s1 = splitMix(z += 0x9E3779B97F4A7C15L);
        s2 = splitMix(z += 0x9E3779B97F4A7C15L);
        s3 = splitMix(z + 0x9E3779B97F4A7C15L);
    }

    /** From the raw state (for tests against reference outputs). */
    Rng(long s0, long s1, long s2, long s3) {
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * A uniformly distributed unit quaternion (x, y, z, w) into q, by Marsaglia's method (1972): two
     * points uniform in the unit disc; only square roots, which IEEE 754 rounds exactly, so the result
     * is the same on every machine.
     */
    void unitQuaternion(double[] q) {
        double x1, y1, s1;
        do {
            x1 = 2 * nextDouble() - 1;
            y1 = 2 * nextDouble() - 1;
            s1 = x1 * x1 + y1 * y1;
        } while (s1 >= 1);
        double x2, y2, s2;
        do {
            x2 = 2 * nextDouble() - 1;
            y2 = 2 * nextDouble() - 1;
            s2 = x2 * x2 + y2 * y2;
        } while (s2 >= 1 || s2 == 0);
        double f = Math.sqrt((1 - s1) / s2);
        q[0] = x1;
        q[1] = y1;
        q[2] = x2 * f;
        q[3] = y2 * f;
    }
}
