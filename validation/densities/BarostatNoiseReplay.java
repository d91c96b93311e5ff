import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.rng.sampling.distribution.*;

/**
 * The C-rescale noise a density run's production stage drew, in standard deviations, without rerunning it.
 * With v-rescale and C-rescale the random stream's draws do not depend on the dynamics: each step two v-rescale
 * half steps (a Gaussian and a Gamma((nf - 1)/2) sample each), then every 10th step one Gaussian for the
 * barostat. So the stream of a stage (seed mixed with the stage index, as StageRunner does) can be replayed
 * for a system's degrees of freedom nf. It mirrors the engine's draw order (VRescale, CRescale, Dynamics,
 * StageRunner.mix) as of 2026-12-03: a change there makes it stale; the run's own log line "c-rescale: ...
 * noise z" is the authority for runs made since. Over 500 ps the z moves a run's mean pressure by
 * -z * sqrt(2 kT tau_p / (kappa V t)) (11-15 bar for these boxes).
 *
 *   java -cp cli/target/sheath.jar validation/densities/BarostatNoiseReplay.java SEED STAGE_INDEX STEPS NF...
 *   e.g. 298 2 250000 7797   (EC's production: 3000 atoms, 1200 constraints, nf = 3*3000 - 1200 - 3)
 */
public class BarostatNoiseReplay {
    static long splitmix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
    static long mix(long a, long b) { return splitmix(a * 0x9E3779B97F4A7C15L ^ splitmix(b)); }

    public static void main(String[] a) {
        long seed = Long.parseLong(a[0]); int k = Integer.parseInt(a[1]); long steps = Long.parseLong(a[2]);
        for (int i = 3; i < a.length; i++) {
            double nf = Double.parseDouble(a[i]);
            UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(mix(seed, 2L * k + 2));
            ContinuousSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            SharedStateContinuousSampler gamma = AhrensDieterMarsagliaTsangGammaSampler.of(rng, 0.5 * (nf - 1), 1.0);
            double sum = 0; long n = 0;
            for (long s = 1; s <= steps; s++) {
                gauss.sample(); gamma.sample();          // first thermostat half step
                gauss.sample(); gamma.sample();          // second
                if (s % 10 == 0) { sum += gauss.sample(); n++; } // C-rescale coupling
            }
            System.out.printf("nf %.0f: noise z %.3f over %d couplings%n", nf, sum / Math.sqrt(n), n);
        }
    }
}
