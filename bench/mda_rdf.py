"""MDAnalysis side of bench/rdf_bench.sh: Universe creation + InterRDF.run, then the result as CSV.

    /usr/bin/python3 bench/mda_rdf.py TOPOLOGY TRAJ REF SEL OUT.csv [--exclude-self]

Same bins as Sheath: 600 bins of 0.02 A from 0 to 12 A (0.002 nm to 1.2 nm). --exclude-self drops
the self pairs when REF and SEL are the same one-atom-per-molecule group (exclusion_block (1, 1)),
which is what Sheath does for identical sites. OUT.csv has r (nm), g and the running CN (mean number
of SEL atoms within the bin's upper edge of a REF atom), like `sheath analyze rdf -o`.
"""
import sys
import warnings

warnings.filterwarnings("ignore")
import numpy as np  # noqa: E402
import MDAnalysis as mda  # noqa: E402
from MDAnalysis.analysis.rdf import InterRDF  # noqa: E402

top, traj, ref, sel, out = sys.argv[1:6]
exclude_self = "--exclude-self" in sys.argv[6:]
u = mda.Universe(top, traj)
g1 = u.select_atoms(ref)
g2 = u.select_atoms(sel)
rdf = InterRDF(g1, g2, nbins=600, range=(0.0, 12.0), exclusion_block=(1, 1) if exclude_self else None)
rdf.run()
nframes = rdf.n_frames
cn = np.cumsum(rdf.results.count) / (g1.n_atoms * nframes)
with open(out, "w") as f:
    f.write("# MDAnalysis %s InterRDF, %d x %d atoms, %d frames\n" % (mda.__version__, g1.n_atoms, g2.n_atoms, nframes))
    f.write("r_nm,g,cn\n")
    for r, g, c in zip(rdf.results.bins / 10.0, rdf.results.rdf, cn):
        f.write("%.6f,%.9g,%.9g\n" % (r, g, c))
