package org.sheath.engine.force.nonbonded.cluster;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The cluster kernel on the Vector API: the 16 atom pairs of a cluster pair are 16/L vectors of L float
 * lanes (one vector with AVX-512), loaded contiguously from the 4×4 layout of {@link ClusterData}; the
 * interaction mask and r &lt; rc become a lane mask. i forces stay in registers over an i-cluster's pairs,
 * j forces are added to the j-layout buffer (reduced over its four copies once per step). Same arithmetic
 * as {@link ScalarClusterKernel}, which is the fallback. Loaded by reflection only when the
 * {@code jdk.incubator.vector} module is present.
 */
final class VectorClusterKernel implements ClusterKernel {
    private static final VectorSpecies<Float> S = species();
    private static final int L = S.length();

    private static VectorSpecies<Float> species() {
        VectorSpecies<Float> p = FloatVector.SPECIES_PREFERRED;
        return p.length() > 16 ? FloatVector.SPECIES_512 : p;
    }

    @Override
    public String name() {
        return "cluster-vector-" + L + "x32bit";
    }

    @Override
    public int lanes() {
        return L;
    }

    @Override
    public void run(ClusterData d, int from, int to, ClusterData.Buffers out, boolean energy, boolean virial) {
        final ClusterPairList l = d.list;
        final float[] pe = d.poly.ePadded, pg = d.poly.gPadded; // padded once, at construction
        final float tScale = d.poly.tScale, beta2 = d.beta * d.beta, rc2 = d.rc2, beta3 = d.beta3, beta = d.beta;
        final boolean lb = d.lorentzBerthelot, coulomb = d.coulomb, ljShifted = d.ljShifted;
        final float cshift = d.coulombShift, rc2inv = d.rc2inv;
        final long laneBits = L == 64 ? -1L : (1L << L) - 1;
        final int[] cjArr = l.cj, shiftArr = l.shift, maskArr = l.mask, start = l.ciStart;
        final FloatVector zero = FloatVector.zero(S), one = FloatVector.broadcast(S, 1f);
        final double[] ox = d.ox, oy = d.oy, oz = d.oz, sx = d.sx, sy = d.sy, sz = d.sz;
        final float[] lanes = out.lanes;
        double elj = 0, ec = 0;
        for (int part = 0; part < 16; part += L) {
            for (int ci = from; ci < to; ci++) {
                final int ib = ci * 16 + part;
                final double oxi = ox[ci], oyi = oy[ci], ozi = oz[ci];
                final FloatVector ix = FloatVector.fromArray(S, d.xi, ib), iy = FloatVector.fromArray(S, d.yi, ib),
                        iz = FloatVector.fromArray(S, d.zi, ib);
                final FloatVector iq = FloatVector.fromArray(S, d.qi, ib), ia = FloatVector.fromArray(S, d.ai, ib),
                        ibv = FloatVector.fromArray(S, d.bi, ib);
                FloatVector fix = zero, fiy = zero, fiz = zero, vlj = zero, vc = zero;
                int touched = 0; // shifts with forces in out.sh*
                for (int k = start[ci], kEnd = start[ci + 1]; k < kEnd; k++) {
                    final int mk = maskArr[k];
                    final long bits = (mk >>> part) & laneBits, xbits = (mk >>> (16 + part)) & laneBits;
                    if ((bits | xbits) == 0) continue;
                    final boolean excl = xbits != 0; // excluded pairs here: Ewald correction only
                    final int c = cjArr[k], jb = c * 16 + part, s = shiftArr[k];
                    // origin of cj (with its shift) relative to that of ci, rounded once
                    final float offx = (float) (ox[c] + sx[s] - oxi), offy = (float) (oy[c] + sy[s] - oyi),
                            offz = (float) (oz[c] + sz[s] - ozi);
                    FloatVector dx = FloatVector.fromArray(S, d.xj, jb).add(offx).sub(ix);
                    FloatVector dy = FloatVector.fromArray(S, d.yj, jb).add(offy).sub(iy);
                    FloatVector dz = FloatVector.fromArray(S, d.zj, jb).add(offz).sub(iz);
                    FloatVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
                    final VectorMask<Float> inRange = r2.compare(VectorOperators.LT, rc2);
                    final VectorMask<Float> m = VectorMask.fromLong(S, bits).and(inRange);
                    // lanes with any term: interacting pairs, and excluded ones for the Ewald correction
                    final VectorMask<Float> mAll = excl ? m.or(VectorMask.fromLong(S, xbits).and(inRange)) : m;
                    if (!mAll.anyTrue()) continue;
                    r2 = one.blend(r2, mAll); // masked-out lanes (padding, r = 0) stay finite
                    FloatVector rinv2 = one.div(r2);
                    FloatVector vdisp, vrep, ljShift = zero;
                    FloatVector ja = FloatVector.fromArray(S, d.aj, jb), jbv = FloatVector.fromArray(S, d.bj, jb);
                    if (lb) {
                        FloatVector sig = ia.add(ja);
                        FloatVector sig2 = sig.mul(sig);
                        FloatVector sr2 = sig2.mul(rinv2);
                        FloatVector sr6 = sr2.mul(sr2).mul(sr2);
                        FloatVector eps4 = ibv.mul(jbv);
                        vdisp = eps4.mul(sr6);
                        vrep = vdisp.mul(sr6);
                        if (energy && ljShifted) {
                            FloatVector sc2 = sig2.mul(rc2inv);
                            FloatVector sc6 = sc2.mul(sc2).mul(sc2);
                            ljShift = eps4.mul(sc6.mul(sc6).sub(sc6));
                        }
                    } else {
                        FloatVector rinv6 = rinv2.mul(rinv2).mul(rinv2);
                        FloatVector c6 = ia.mul(ja), c12 = ibv.mul(jbv);
                        vdisp = c6.mul(rinv6);
                        vrep = c12.mul(rinv6).mul(rinv6);
                        if (energy && ljShifted) {
                            float i6 = rc2inv * rc2inv * rc2inv;
                            ljShift = c12.mul(i6).sub(c6).mul(i6);
                        }
                    }
                    FloatVector fscal = vrep.mul(12f).sub(vdisp.mul(6f)).mul(rinv2);
                    if (excl) fscal = zero.blend(fscal, m);
                    if (energy) vlj = vlj.add(vrep.sub(vdisp).sub(ljShift), m);
                    if (coulomb) {
                        FloatVector qq = iq.mul(FloatVector.fromArray(S, d.qj, jb));
                        FloatVector rinv = rinv2.sqrt();
                        FloatVector rinv3 = rinv.mul(rinv2), shift = FloatVector.broadcast(S, cshift);
                        if (excl) { // an excluded pair keeps only −erf(βr)/r, unshifted (as in GROMACS)
                            rinv = zero.blend(rinv, m);
                            rinv3 = zero.blend(rinv3, m);
                            shift = zero.blend(shift, m);
                        }
                        FloatVector t = r2.mul(beta2 * tScale).sub(1f), t2 = t.add(t);
                        // Clenshaw's recurrence for degree 15 (coefficients padded with zeros), written out:
                        // a loop or a call here makes C2 box the vectors (65-150 bytes per cluster pair);
                        // b_k = fma(2t, b_{k+1}, c_k − b_{k+2}): two operations per degree
                        FloatVector g15 = FloatVector.broadcast(S, pg[15]);
                        FloatVector g14 = t2.fma(g15, FloatVector.broadcast(S, pg[14]));
                        FloatVector g13 = t2.fma(g14, FloatVector.broadcast(S, pg[13]).sub(g15));
                        FloatVector g12 = t2.fma(g13, FloatVector.broadcast(S, pg[12]).sub(g14));
                        FloatVector g11 = t2.fma(g12, FloatVector.broadcast(S, pg[11]).sub(g13));
                        FloatVector g10 = t2.fma(g11, FloatVector.broadcast(S, pg[10]).sub(g12));
                        FloatVector g9 = t2.fma(g10, FloatVector.broadcast(S, pg[9]).sub(g11));
                        FloatVector g8 = t2.fma(g9, FloatVector.broadcast(S, pg[8]).sub(g10));
                        FloatVector g7 = t2.fma(g8, FloatVector.broadcast(S, pg[7]).sub(g9));
                        FloatVector g6 = t2.fma(g7, FloatVector.broadcast(S, pg[6]).sub(g8));
                        FloatVector g5 = t2.fma(g6, FloatVector.broadcast(S, pg[5]).sub(g7));
                        FloatVector g4 = t2.fma(g5, FloatVector.broadcast(S, pg[4]).sub(g6));
                        FloatVector g3 = t2.fma(g4, FloatVector.broadcast(S, pg[3]).sub(g5));
                        FloatVector g2 = t2.fma(g3, FloatVector.broadcast(S, pg[2]).sub(g4));
                        FloatVector g1 = t2.fma(g2, FloatVector.broadcast(S, pg[1]).sub(g3));
                        FloatVector g = t.mul(g1).sub(g2).add(pg[0]);
                        fscal = fscal.add(qq.mul(rinv3.sub(g.mul(beta3))));
                        if (energy) {
                            FloatVector e15 = FloatVector.broadcast(S, pe[15]);
                            FloatVector e14 = t2.fma(e15, FloatVector.broadcast(S, pe[14]));
                            FloatVector e13 = t2.fma(e14, FloatVector.broadcast(S, pe[13]).sub(e15));
                            FloatVector e12 = t2.fma(e13, FloatVector.broadcast(S, pe[12]).sub(e14));
                            FloatVector e11 = t2.fma(e12, FloatVector.broadcast(S, pe[11]).sub(e13));
                            FloatVector e10 = t2.fma(e11, FloatVector.broadcast(S, pe[10]).sub(e12));
                            FloatVector e9 = t2.fma(e10, FloatVector.broadcast(S, pe[9]).sub(e11));
                            FloatVector e8 = t2.fma(e9, FloatVector.broadcast(S, pe[8]).sub(e10));
                            FloatVector e7 = t2.fma(e8, FloatVector.broadcast(S, pe[7]).sub(e9));
                            FloatVector e6 = t2.fma(e7, FloatVector.broadcast(S, pe[6]).sub(e8));
                            FloatVector e5 = t2.fma(e6, FloatVector.broadcast(S, pe[5]).sub(e7));
                            FloatVector e4 = t2.fma(e5, FloatVector.broadcast(S, pe[4]).sub(e6));
                            FloatVector e3 = t2.fma(e4, FloatVector.broadcast(S, pe[3]).sub(e5));
                            FloatVector e2 = t2.fma(e3, FloatVector.broadcast(S, pe[2]).sub(e4));
                            FloatVector e1 = t2.fma(e2, FloatVector.broadcast(S, pe[1]).sub(e3));
                            FloatVector e = t.mul(e1).sub(e2).add(pe[0]);
                            vc = vc.add(qq.mul(rinv.sub(e.mul(beta)).sub(shift)), mAll);
                        }
                    }
                    fscal = zero.blend(fscal, mAll);
                    FloatVector fx = fscal.mul(dx), fy = fscal.mul(dy), fz = fscal.mul(dz);
                    fix = fix.sub(fx);
                    fiy = fiy.sub(fy);
                    fiz = fiz.sub(fz);
                    FloatVector.fromArray(S, out.fjx, jb).add(fx).intoArray(out.fjx, jb);
                    FloatVector.fromArray(S, out.fjy, jb).add(fy).intoArray(out.fjy, jb);
                    FloatVector.fromArray(S, out.fjz, jb).add(fz).intoArray(out.fjz, jb);
                    if (virial && s != ClusterPairList.CENTER_SHIFT) {
                        int o = s * L;
                        FloatVector.fromArray(S, out.shx, o).add(fx).intoArray(out.shx, o);
                        FloatVector.fromArray(S, out.shy, o).add(fy).intoArray(out.shy, o);
                        FloatVector.fromArray(S, out.shz, o).add(fz).intoArray(out.shz, o);
                        touched |= 1 << s;
                    }
                }
                if (touched != 0) out.flushShifts(touched, L);
                fix.intoArray(out.fix, ib);
                fiy.intoArray(out.fiy, ib);
                fiz.intoArray(out.fiz, ib);
                if (energy) {
                    // not reduceLanes: its order of additions is unspecified (interpreted and compiled code
                    // differ), which would make a resumed run's energies differ in the last bits
                    vlj.intoArray(lanes, 0);
                    vc.intoArray(lanes, L);
                    for (int q = 0; q < L; q++) {
                        elj += lanes[q];
                        ec += lanes[L + q];
                    }
                }
            }
        }
        out.elj += elj;
        out.ec += ec;
    }
}
