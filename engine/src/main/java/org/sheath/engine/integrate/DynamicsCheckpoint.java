package org.sheath.engine.integrate;

/**
 * Everything an exact continuation of a {@link VelocityVerlet} run needs, beyond the system and settings:
 * positions, velocities, box, clock, the thermostat's and barostat's variables, the random stream, the
 * virial the barostat uses next, the drift sums (9 values: the 8 sums, then the kinetic energy removed with
 * the centre-of-mass motion) and the pair list's reference positions (so that the
 * restarted run builds the same lists at the same steps and its forces are bit-identical). The run
 * directory's checkpoint file stores these arrays.
 */
public record DynamicsCheckpoint(long step, double time, double[] box, double[] x, double[] y, double[] z,
                                 double[] vx, double[] vy, double[] vz, double stageStart, long stageStartStep,
                                 long stepsDone, double referenceTemperature, double[] thermostat, double[] barostat,
                                 byte[] random, double[] virial, double[] constraintVirial, double[] forceVirial,
                                 double[] drift, double[][] pairList) {
}
