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
        // -Dsheath.vectorBits=128|256|512: a narrower vector than the CPU's widest (for measuring; 4-16 lanes divide a cluster pair)
        switch (Integer.getInteger("sheath.vectorBits", 0)) {
            case 128: return FloatVector.SPECIES_128;
            case 256: return FloatVector.SPECIES_256;
            case 512: return FloatVector.SPECIES_512;
            default: break;
        }
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
    public void prune(ClusterData d, int from, int to, float rlist2) {
        final ClusterPairList l = d.list;
        final long laneBits = L == 64 ? -1L : (1L << L) - 1;
        final int[] cjArr = l.cj, shiftArr = l.shift, maskArr = l.mask, start = l.ciStart;
        final int[] pcj = d.pairCj, pshift = d.pairShift, pmask = d.pairMask, end = d.pairEnd;
        final double[] ox = d.ox, oy = d.oy, oz = d.oz, sx = d.sx, sy = d.sy, sz = d.sz;
        for (int ci = from; ci < to; ci++) {
            final double oxi = ox[ci], oyi = oy[ci], ozi = oz[ci];
            int w = start[ci];
            for (int k = start[ci], kEnd = start[ci + 1]; k < kEnd; k++) {
                final int mk = maskArr[k], any = (mk | mk >>> 16) & 0xFFFF;
                final int c = cjArr[k], s = shiftArr[k];
                final float offx = (float) (ox[c] + sx[s] - oxi), offy = (float) (oy[c] + sy[s] - oyi),
                        offz = (float) (oz[c] + sz[s] - ozi);
                boolean keep = false;
                for (int part = 0; part < 16 && !keep; part += L) {
                    final long bits = (any >>> part) & laneBits;
                    if (bits == 0) continue;
                    final int ib = ci * 16 + part, jb = c * 16 + part;
                    FloatVector dx = FloatVector.fromArray(S, d.xj, jb).add(offx).sub(FloatVector.fromArray(S, d.xi, ib));
                    FloatVector dy = FloatVector.fromArray(S, d.yj, jb).add(offy).sub(FloatVector.fromArray(S, d.yi, ib));
                    FloatVector dz = FloatVector.fromArray(S, d.zj, jb).add(offz).sub(FloatVector.fromArray(S, d.zi, ib));
                    FloatVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
                    keep = r2.compare(VectorOperators.LT, rlist2).and(VectorMask.fromLong(S, bits)).anyTrue();
                }
                if (keep) {
                    pcj[w] = c;
                    pshift[w] = s;
                    pmask[w] = mk;
                    w++;
                }
            }
            end[ci] = w;
        }
    }

    @Override
    public void run(ClusterData d, int from, int to, ClusterData.Buffers out, boolean energy, boolean virial) {
        final ClusterPairList l = d.list;
        // coefficients padded to EwaldPolynomials.TERMS once, at construction
        final float[] en = d.poly.eNum, ed = d.poly.eDen, gn = d.poly.gNum, gd = d.poly.gDen;
        final float uScale = d.poly.uScale * d.beta * d.beta, rc2 = d.rc2, beta3 = d.beta3, beta = d.beta;
        final boolean lb = d.lorentzBerthelot, coulomb = d.coulomb, ljShifted = d.ljShifted;
        final float cshift = d.coulombShift, rc2inv = d.rc2inv;
        final long laneBits = L == 64 ? -1L : (1L << L) - 1;
        final int[] cjArr = d.pairCj, shiftArr = d.pairShift, maskArr = d.pairMask, start = d.pairStart, end = d.pairEnd;
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
                for (int k = start[ci], kEnd = end[ci]; k < kEnd; k++) {
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
                        FloatVector u = r2.mul(uScale);
                        // G = P(u)/Q(u) by Horner, written out (degree 5, unused top coefficients zero): a loop or a
                        // call here makes C2 box the vectors (65-150 bytes per cluster pair)
                        FloatVector gp = FloatVector.broadcast(S, gn[5]).fma(u, FloatVector.broadcast(S, gn[4]))
                                .fma(u, FloatVector.broadcast(S, gn[3])).fma(u, FloatVector.broadcast(S, gn[2]))
                                .fma(u, FloatVector.broadcast(S, gn[1])).fma(u, FloatVector.broadcast(S, gn[0]));
                        FloatVector gq = FloatVector.broadcast(S, gd[5]).fma(u, FloatVector.broadcast(S, gd[4]))
                                .fma(u, FloatVector.broadcast(S, gd[3])).fma(u, FloatVector.broadcast(S, gd[2]))
                                .fma(u, FloatVector.broadcast(S, gd[1])).fma(u, FloatVector.broadcast(S, gd[0]));
                        FloatVector g = gp.div(gq);
                        fscal = fscal.add(qq.mul(rinv3.sub(g.mul(beta3))));
                        if (energy) {
                            FloatVector ep = FloatVector.broadcast(S, en[5]).fma(u, FloatVector.broadcast(S, en[4]))
                                    .fma(u, FloatVector.broadcast(S, en[3])).fma(u, FloatVector.broadcast(S, en[2]))
                                    .fma(u, FloatVector.broadcast(S, en[1])).fma(u, FloatVector.broadcast(S, en[0]));
                            FloatVector eq = FloatVector.broadcast(S, ed[5]).fma(u, FloatVector.broadcast(S, ed[4]))
                                    .fma(u, FloatVector.broadcast(S, ed[3])).fma(u, FloatVector.broadcast(S, ed[2]))
                                    .fma(u, FloatVector.broadcast(S, ed[1])).fma(u, FloatVector.broadcast(S, ed[0]));
                            FloatVector e = ep.div(eq);
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
