import java.nio.file.Path;
import org.sheath.analysis.traj.Frame;
import org.sheath.analysis.traj.TrajectoryFormats;
import org.sheath.analysis.traj.TrajectoryReader;

/**
 * Decode-speed harness (not a unit test). Reads a trajectory end to end several times and
 * prints frames/s and atoms/s of the best pass.
 *
 * <pre>
 * mvn -q -B -pl analysis -am compile
 * java -cp analysis/target/classes bench/XtcBench.java /tmp/sheath-bench/large.xtc [passes]
 * </pre>
 */
public class XtcBench {
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Frame f = new Frame();
        double best = Double.MAX_VALUE;
        int frames = 0, natoms = 0;
        double checksum = 0;
        for (int p = 0; p < passes; p++) {
            long t0 = System.nanoTime();
            try (TrajectoryReader r = TrajectoryFormats.open(file)) {
                natoms = r.atomCount();
                frames = 0;
                while (r.next(f)) {
                    frames++;
                    checksum += f.x[frames % natoms];
                }
            }
            double s = (System.nanoTime() - t0) * 1e-9;
            System.out.printf("pass %d: %d frames x %d atoms in %.3f s (%.0f frames/s)%n", p + 1, frames, natoms, s, frames / s);
            best = Math.min(best, s);
        }
        System.out.printf("best: %.3f s, %.0f frames/s, %.1f M atoms/s (checksum %.3f)%n",
                best, frames / best, frames * (double) natoms / best / 1e6, checksum);
    }
}
