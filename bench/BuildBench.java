import java.util.List;
import org.sheath.engine.build.BuiltSystem;
import org.sheath.engine.build.Composition;
import org.sheath.engine.build.SystemBuilder;

/**
 * Packing-time harness for the system builder (not a unit test): builds the example compositions of
 * about 3k, 23k and 100k atoms (LiTFSI + Zn(TFSI)2 in DMF at 0.95 g/cm3 unless given) several times
 * and prints the wall and CPU time of each build (single-threaded: CPU time is what it costs on an
 * idle core), the best, and the packing statistics.
 *
 * <pre>
 * mvn -q -B -o -pl engine -am compile
 * java -cp engine/target/classes:forcefields/target/classes:$HOME/.m2/repository/org/joml/joml/1.10.8/joml-1.10.8.jar \
 *     bench/BuildBench.java [repeats] [density] [composition ...]
 * </pre>
 */
public class BuildBench {
    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        double density = args.length > 1 ? Double.parseDouble(args[1]) : 0.95;
        List<String> comps = args.length > 2 ? List.of(args).subList(2, args.length)
                : List.of("LI=20,ZN=4,TFSI=28,DMF=250", "LI=130,ZN=30,TFSI=190,DMF=1700", "LI=600,ZN=120,TFSI=840,DMF=7500");
        for (String c : comps) {
            double best = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE;
            BuiltSystem last = null;
            StringBuilder times = new StringBuilder();
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime(), c0 = CPU.getCurrentThreadCpuTime();
                last = SystemBuilder.of(Composition.parse(c)).density(density).seed(7 + r).build();
                double s = (System.nanoTime() - t0) * 1e-9, cpu = (CPU.getCurrentThreadCpuTime() - c0) * 1e-9;
                best = Math.min(best, s);
                bestCpu = Math.min(bestCpu, cpu);
                times.append(String.format(" %.2f", s));
                System.out.printf("  %s seed %d: %.2f s build (%.2f s packing, %.2f s CPU), %d attempts, %d relaxation steps, "
                        + "%d re-insertions, min distance %.4f nm%n", c, 7 + r, s, last.packing().seconds(), cpu,
                        last.packing().attempts(), last.packing().relaxSteps(), last.packing().reinserted(), last.minDistance());
            }
            System.out.printf("%s: %d atoms, box %.3f nm, %.2f g/cm3: best %.2f s wall, %.2f s CPU (all wall:%s)%n", c,
                    last.atomCount(), last.box().ax(), last.density(), best, bestCpu, times);
        }
    }
}
