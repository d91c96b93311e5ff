/**
 * Trajectory readers for analysis. The writers (XTC, H5MD) are in the engine module, package
 * {@code org.sheath.engine.io}.
 *
 * <p>Everything is in GROMACS units: nm, ps, nm/ps, kJ mol⁻¹ nm⁻¹. A box is 9 doubles, the
 * row-major box vectors a, b, c (a along x, b in the xy plane), or {@code null}.
 *
 * <pre>{@code
 * try (TrajectoryReader r = TrajectoryFormats.open(Path.of("traj.xtc"))) {
 *     Frame f = new Frame();              // reused: no allocation per frame
 *     while (r.next(f)) { ... f.x[i], f.box, f.time ... }
 * }
 * }</pre>
 *
 * <p>Formats (name: extensions): xtc: .xtc; trr: .trr .trj; dcd: .dcd; lammpsdump: .lammpstrj
 * .lammpsdump .dump; gro: .gro; pdb: .pdb .ent; xyz: .xyz; h5md: .h5md .h5 (a chain of blocks
 * written by the engine's {@code H5mdWriter} is read as one trajectory). Other formats can be added as a
 * {@link org.sheath.analysis.traj.TrajectoryFormat} service. Readers throw
 * {@link org.sheath.analysis.traj.TrajectoryException} with a one-line message naming the
 * file and frame for truncated or corrupt input.
 */
package org.sheath.analysis.traj;
