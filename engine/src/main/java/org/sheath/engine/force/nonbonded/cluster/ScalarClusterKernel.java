package org.sheath.engine.force.nonbonded.cluster;

/**
 * The cluster kernel as plain Java loops over the 16 atom pairs of each cluster pair, in the same float
 * arithmetic as {@link VectorClusterKernel}: the fallback when {@code jdk.incubator.vector} is absent,
 * and the specification the vector kernel is tested against.
 */
final class ScalarClusterKernel implements ClusterKernel {
    @Override
    public String name() {
        return "cluster-scalar";
    }

    @Override
    public int lanes() {
        return 1;
    }

    @Override
    public void prune(ClusterData d, int from, int to, float rlist2) {
        final ClusterPairList l = d.list;
        for (int ci = from; ci < to; ci++) {
            int ib = ci * 16, w = l.ciStart[ci];
            for (int k = l.ciStart[ci]; k < l.ciStart[ci + 1]; k++) {
                int c = l.cj[k], jb = c * 16, s = l.shift[k], m = l.mask[k], any = (m | m >>> 16) & 0xFFFF;
                float shx = (float) (d.ox[c] + d.sx[s] - d.ox[ci]);
                float shy = (float) (d.oy[c] + d.sy[s] - d.oy[ci]);
                float shz = (float) (d.oz[c] + d.sz[s] - d.oz[ci]);
                for (int lane = 0; lane < 16; lane++) {
                    if ((any >>> lane & 1) == 0) continue;
                    float dx = d.xj[jb + lane] + shx - d.xi[ib + lane];
                    float dy = d.yj[jb + lane] + shy - d.yi[ib + lane];
                    float dz = d.zj[jb + lane] + shz - d.zi[ib + lane];
                    if (dx * dx + dy * dy + dz * dz < rlist2) {
                        d.pairCj[w] = c;
                        d.pairShift[w] = s;
                        d.pairMask[w] = m;
                        w++;
                        break;
                    }
                }
            }
            d.pairEnd[ci] = w;
        }
    }

    @Override
    public void run(ClusterData d, int from, int to, ClusterData.Buffers out, boolean energy, boolean virial) {
        final ClusterPairList l = d.list;
        final float[] en = d.poly.eNum, ed = d.poly.eDen, gn = d.poly.gNum, gd = d.poly.gDen;
        final float uScale = d.poly.uScale * d.beta * d.beta;
        double elj = 0, ec = 0;
        for (int ci = from; ci < to; ci++) {
            int ib = ci * 16;
            for (int lane = 0; lane < 16; lane++) {
                out.fix[ib + lane] = 0;
                out.fiy[ib + lane] = 0;
                out.fiz[ib + lane] = 0;
            }
            float eljC = 0, ecC = 0;
            int touched = 0; // shifts with forces in out.sh*
            for (int k = d.pairStart[ci], kEnd = d.pairEnd[ci]; k < kEnd; k++) {
                int c = d.pairCj[k], jb = c * 16, s = d.pairShift[k], m = d.pairMask[k];
                // origin of cj (with its shift) relative to that of ci, rounded once
                float shx = (float) (d.ox[c] + d.sx[s] - d.ox[ci]);
                float shy = (float) (d.oy[c] + d.sy[s] - d.oy[ci]);
                float shz = (float) (d.oz[c] + d.sz[s] - d.oz[ci]);
                for (int lane = 0; lane < 16; lane++) {
                    boolean interacts = (m >>> lane & 1) != 0, excluded = (m >>> (16 + lane) & 1) != 0;
                    if (!interacts && !excluded) continue;
                    float dx = d.xj[jb + lane] + shx - d.xi[ib + lane];
                    float dy = d.yj[jb + lane] + shy - d.yi[ib + lane];
                    float dz = d.zj[jb + lane] + shz - d.zi[ib + lane];
                    float r2 = dx * dx + dy * dy + dz * dz;
                    if (!(r2 < d.rc2)) continue;
                    float fscal;
                    if (!interacts) { // excluded: only the Ewald correction −erf(βr)/r, unshifted (as in GROMACS)
                        if (!d.coulomb) continue;
                        float qq = d.qi[ib + lane] * d.qj[jb + lane];
                        float u = r2 * uScale;
                        fscal = -qq * d.beta3 * EwaldPolynomials.rational(gn, gd, u);
                        if (energy) ecC += -qq * d.beta * EwaldPolynomials.rational(en, ed, u);
                    } else {
                        float rinv2 = 1f / r2;
                        float vdisp, vrep, ljShift = 0;
                        if (d.lorentzBerthelot) {
                            float sig = d.ai[ib + lane] + d.aj[jb + lane];
                            float sig2 = sig * sig;
                            float sr2 = sig2 * rinv2;
                            float sr6 = sr2 * sr2 * sr2;
                            float eps4 = d.bi[ib + lane] * d.bj[jb + lane];
                            vdisp = eps4 * sr6;
                            vrep = vdisp * sr6;
                            if (energy && d.ljShifted) {
                                float sc2 = sig2 * d.rc2inv, sc6 = sc2 * sc2 * sc2;
                                ljShift = eps4 * (sc6 * sc6 - sc6);
                            }
                        } else {
                            float rinv6 = rinv2 * rinv2 * rinv2;
                            float c6 = d.ai[ib + lane] * d.aj[jb + lane], c12 = d.bi[ib + lane] * d.bj[jb + lane];
                            vdisp = c6 * rinv6;
                            vrep = c12 * rinv6 * rinv6;
                            if (energy && d.ljShifted) {
                                float i6 = d.rc2inv * d.rc2inv * d.rc2inv;
                                ljShift = (c12 * i6 - c6) * i6;
                            }
                        }
                        fscal = (12f * vrep - 6f * vdisp) * rinv2;
                        if (energy) eljC += vrep - vdisp - ljShift;
                        if (d.coulomb) {
                            float qq = d.qi[ib + lane] * d.qj[jb + lane];
                            float rinv = (float) Math.sqrt(rinv2);
                            float u = r2 * uScale;
                            fscal += qq * (rinv * rinv2 - d.beta3 * EwaldPolynomials.rational(gn, gd, u));
                            if (energy) ecC += qq * (rinv - d.beta * EwaldPolynomials.rational(en, ed, u) - d.coulombShift);
                        }
                    }
                    float fx = fscal * dx, fy = fscal * dy, fz = fscal * dz;
                    out.fix[ib + lane] -= fx;
                    out.fiy[ib + lane] -= fy;
                    out.fiz[ib + lane] -= fz;
                    out.fjx[jb + lane] += fx;
                    out.fjy[jb + lane] += fy;
                    out.fjz[jb + lane] += fz;
                    if (virial && s != ClusterPairList.CENTER_SHIFT) {
                        out.shx[s] += fx;
                        out.shy[s] += fy;
                        out.shz[s] += fz;
                        touched |= 1 << s;
                    }
                }
            }
            if (touched != 0) out.flushShifts(touched, 1);
            elj += eljC;
            ec += ecC;
        }
        out.elj += elj;
        out.ec += ec;
    }
}
