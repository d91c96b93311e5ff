#!/usr/bin/env python3
"""Writes the radix-11 and radix-13 passes of engine/.../pme/RowFft.java (pass11, pass13) to stdout.

Straight-line code so that the JIT keeps the values in registers and vectorises the row loop; the pairing
u_k = a_k + a_{r-k}, v_k = a_k - a_{r-k} as in RowFft.passOdd. Usage: rowfft_radix.py > /tmp/radix.java
"""
def gen(r):
    h = (r - 1) // 2
    L = []
    L.append(f"    /** Radix {r} with the values in registers, as {{@link #passOdd}} (written out by engine/src/test/scripts/rowfft_radix.py; cos/sin of 2πk/{r} folded to k ≤ {h}). */")
    L.append(f"    private static void pass{r}(double[] xr, double[] xi, int xb, int xs, double[] yr, double[] yi, int yb, int ys, int w,")
    L.append(f"                               int m, int s, double[] tc, double[] ts, double[] rc, double[] rs, double sign) {{")
    L.append("        " + ", ".join(f"c{k} = rc[{k}]" for k in range(1, h+1)).join(["final double ", ";"]))
    L.append("        " + ", ".join(f"s{k} = sign * rs[{k}]" for k in range(1, h+1)).join(["final double ", ";"]))
    L.append("        for (int p = 0; p < m; p++) {")
    L.append("            for (int q = 0; q < s; q++) {")
    for k in range(r):
        L.append(f"                final int a{k} = xb + (q + s * (p + {k} * m)) * xs, b{k} = yb + (q + s * ({r} * p + {k})) * ys;")
    L.append("                for (int i = 0; i < w; i++) {")
    L.append("                    final double x0r = xr[a0 + i], x0i = xi[a0 + i];")
    for k in range(1, h+1):
        n = r - k
        L.append(f"                    final double u{k}r = xr[a{k} + i] + xr[a{n} + i], u{k}i = xi[a{k} + i] + xi[a{n} + i];")
        L.append(f"                    final double v{k}r = xr[a{k} + i] - xr[a{n} + i], v{k}i = xi[a{k} + i] - xi[a{n} + i];")
    L.append("                    yr[b0 + i] = x0r" + "".join(f" + u{k}r" for k in range(1, h+1)) + "; yi[b0 + i] = x0i" + "".join(f" + u{k}i" for k in range(1, h+1)) + ";")
    for j in range(1, h+1):
        er = "x0r"; ei = "x0i"; tr = []; ti = []
        for k in range(1, h+1):
            idx = (j * k) % r
            ci = idx if idx <= h else r - idx
            sgn = "+" if idx <= h else "-"
            er += f" + c{ci} * u{k}r"; ei += f" + c{ci} * u{k}i"
            tr.append(f"{sgn} s{ci} * v{k}r"); ti.append(f"{sgn} s{ci} * v{k}i")
        def join(t):
            s = " ".join(t)
            return s[2:] if s.startswith("+ ") else "-" + s[2:]
        L.append(f"                    final double e{j}r = {er}, e{j}i = {ei};")
        L.append(f"                    final double t{j}r = {join(tr)}, t{j}i = {join(ti)};")
        L.append(f"                    yr[b{j} + i] = e{j}r - t{j}i; yi[b{j} + i] = e{j}i + t{j}r;")
        L.append(f"                    yr[b{r-j} + i] = e{j}r + t{j}i; yi[b{r-j} + i] = e{j}i - t{j}r;")
    L.append("                }")
    L.append(f"                if (p != 0) twiddle({r}, yr, yi, yb, ys, w, s, p, q, tc, ts, sign);")
    L.append("            }")
    L.append("        }")
    L.append("    }")
    return "\n".join(L)
print(gen(11)); print(); print(gen(13))
