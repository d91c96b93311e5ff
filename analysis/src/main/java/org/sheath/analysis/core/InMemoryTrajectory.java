package org.sheath.analysis.core;

import java.util.List;
import org.sheath.analysis.traj.Frame;
import org.sheath.analysis.traj.TrajectoryReader;

/** Frames held in memory, read like a file (for tests and for analyses of generated data). */
public final class InMemoryTrajectory implements TrajectoryReader {
    private final List<Frame> frames;
    private final int natoms;
    private int pos;

    public InMemoryTrajectory(List<Frame> frames) {
        if (frames.isEmpty()) throw new IllegalArgumentException("no frames");
        this.frames = frames;
        this.natoms = frames.get(0).natoms;
    }

    @Override
    public int atomCount() {
        return natoms;
    }

    @Override
    public boolean next(Frame f) {
        if (pos >= frames.size()) return false;
        Frame s = frames.get(pos);
        f.natoms = s.natoms;
        f.ensureCapacity(s.natoms);
        System.arraycopy(s.x, 0, f.x, 0, s.natoms);
        System.arraycopy(s.y, 0, f.y, 0, s.natoms);
        System.arraycopy(s.z, 0, f.z, 0, s.natoms);
        f.box = s.box == null ? null : s.box.clone();
        f.time = s.time;
        f.step = s.step;
        f.index = pos;
        f.hasVelocities = false;
        f.hasForces = false;
        pos++;
        return true;
    }

    @Override
    public void seek(int frameIndex) {
        pos = frameIndex;
    }

    @Override
    public int frameCount() {
        return frames.size();
    }

    @Override
    public void close() {
    }
}
