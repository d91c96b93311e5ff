"""Makes the RDF test fixtures in this directory from an OpenMM run (run_md.py) and computes the
MDAnalysis InterRDF reference numbers Sheath is tested against (RdfAgainstMdAnalysisTest).

    /usr/bin/python3 run_md.py /tmp/md 100          # ~8 min on 2 cores
    /usr/bin/python3 make_fixtures.py /tmp/md/md.dcd

Outputs: litfsi.xtc (the first 50 frames, every 2 ps after 10 ps of equilibration), litfsi.dcd (its first 15 frames), litfsi.lammpstrj
(its first 4 frames), and reference_<file>_<pair>.csv with columns r_nm, g, cn.

Coordinates and the box are quantised to multiples of 1/1024 nm (the XTC is written with precision
1024 through MDAnalysis' xdr writer rather than with gmx trjconv, whose precision is a power of ten).
Such numbers are exact in float32 and double, in nm and in Angstrom, so MDAnalysis (float32 Angstrom)
and Sheath (double nm) see bit-identical geometry and every squared distance is exact; with a bin
width of rmax/571 no pair distance can sit on a bin edge, so the histograms must agree exactly, up
to the last digits of the normalisation. (With 0.001-nm XTC precision and 0.002-nm bins, rounding
would move a few pairs across bin edges; near the Li-O peak one pair is worth ~0.2 in g.)
"""
import sys, os
import numpy as np
import MDAnalysis as mda
from MDAnalysis.analysis.rdf import InterRDF
from MDAnalysis.lib.formats.libmdaxdr import XTCFile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, *[".."] * 5))
GRO = os.path.join(ROOT, "inputs", "litfsi-zn-dmf", "conf.gro")
RMAX_A, NBINS = 12.0, 571
PAIRS = {  # name: (ref, sel, exclusion_block)
    "li_o": ("name LI", "resname DMF and name O1", None),
    "zn_o": ("name ZN", "resname DMF and name O1", None),
    # O1-O1 with the self pairs excluded (one O1 per DMF: blocks of 1 x 1), as Sheath does
    "o_o": ("resname DMF and name O1", "resname DMF and name O1", (1, 1)),
}


def write_fixtures(dcd):
    u = mda.Universe(GRO, dcd)
    xtc = os.path.join(HERE, "litfsi.xtc")
    frames = []
    with XTCFile(xtc, "w") as out:
        for k, ts in enumerate(u.trajectory[:50]):
            nm = np.round(ts.positions.astype(np.float64) / 10.0 * 1024.0) / 1024.0
            L = np.round(ts.dimensions[0] / 10.0 * 1024.0) / 1024.0
            assert np.all(ts.dimensions[3:] == 90.0)
            box = np.diag([L, L, L]).astype(np.float32)
            out.write(nm.astype(np.float32), box, k * 500, 2.0 * k, 1024.0)
            frames.append((nm, L))
    # DCD (Angstrom, float32: exact for multiples of 10/1024) of the first 15 frames
    ux = mda.Universe(GRO, xtc)
    with mda.Writer(os.path.join(HERE, "litfsi.dcd"), ux.atoms.n_atoms) as w:
        for ts in ux.trajectory[:15]:
            w.write(ux.atoms)
    # LAMMPS dump (real units: Angstrom) of the first 4 frames, with exact decimals
    with open(os.path.join(HERE, "litfsi.lammpstrj"), "w") as f:
        for k, (nm, L) in enumerate(frames[:4]):
            a = nm * 10.0
            f.write("ITEM: TIMESTEP\n%d\nITEM: NUMBER OF ATOMS\n%d\n" % (k * 1000, len(a)))
            f.write("ITEM: BOX BOUNDS pp pp pp\n")
            for _ in range(3):
                f.write("0 %.9f\n" % (L * 10.0))
            f.write("ITEM: ATOMS id type x y z\n")
            for i, (x, y, z) in enumerate(a):
                f.write("%d 1 %.9f %.9f %.9f\n" % (i + 1, x, y, z))


def references():
    for fname, fmt in (("litfsi.xtc", None), ("litfsi.dcd", None), ("litfsi.lammpstrj", "LAMMPSDUMP")):
        kw = {"format": fmt} if fmt else {}
        u = mda.Universe(GRO, os.path.join(HERE, fname), **kw)
        for pair, (s1, s2, block) in PAIRS.items():
            g1, g2 = u.select_atoms(s1), u.select_atoms(s2)
            rdf = InterRDF(g1, g2, nbins=NBINS, range=(0.0, RMAX_A), exclusion_block=block)
            rdf.run()
            cn = np.cumsum(rdf.results.count) / (rdf.n_frames * len(g1))
            out = os.path.join(HERE, "reference_%s_%s.csv" % (fname.split(".")[1], pair))
            np.savetxt(out, np.column_stack([rdf.results.bins / 10.0, rdf.results.rdf, cn]), delimiter=",",
                       fmt="%.10g", header="MDAnalysis %s InterRDF(%r, %r, nbins=%d, range=(0, %g A), "
                       "exclusion_block=%r), %d frames of %s\nr_nm,g,cn" % (mda.__version__, s1, s2, NBINS, RMAX_A,
                       block, rdf.n_frames, fname), comments="# ")
            print(out, rdf.n_frames, "frames; max g %.3f" % rdf.results.rdf.max())


if __name__ == "__main__":
    if len(sys.argv) > 1:
        write_fixtures(sys.argv[1])
    references()
