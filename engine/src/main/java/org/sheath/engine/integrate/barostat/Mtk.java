package org.sheath.engine.integrate.barostat;

import org.sheath.engine.integrate.Dynamics;
import org.sheath.engine.integrate.thermostat.NhcChain;

/**
 * The Martyna–Tobias–Klein barostat (J. Chem. Phys. 101, 4177 (1994)) in the measure-preserving Trotter
 * splitting of Tuckerman et al. (J. Phys. A 39, 5629 (2006)): log-strains ε_g of the box per coupling
 * group with momenta p_g and masses W_g, thermostatted by their own Nosé–Hoover chain. Equations, per
 * dimension a in group g (v_a = p_g/W_g):
 * <pre>
 *   dr_a/dt = v_a/m + v_a·r_a                       dL_a/dt = v_a·L_a
 *   dp_a/dt = F_a − (v_a + Σ_b v_b / N_f)·p_a
 *   dp_g/dt = Σ_{a∈g} (2K_aa + W_aa − V·P₀) + n_g·2K/N_f
 * </pre>
 * with W_aa the virial (forces and constraints). The mass sets the period τ_p of small volume oscillations
 * for a liquid of compressibility κ: W_g = n_g²·V·τ_p²/(4π²·κ) (from ω² = n_g²·V/(κ·W_g) for ε_g) (as GROMACS's Parrinello–Rahman chooses its
 * mass from τ_p and κ). Works with constraints: the integrator applies RATTLE after the MTK drift and kick,
 * and the constraint virial enters W. Conserved: Σp_g²/2W_g + P₀V + the chain's energy.
 */
public final class Mtk implements Barostat {
    /** P₀ per dimension (kJ/mol/nm³), κ per group; P̄₀ their mean over the dimensions. */
    private final double[] pRef = new double[3], kappa;
    private final double pMean, tauP, tauT;
    /** ∫ Σ_a (P₀_a − P̄₀)·V dε_a: the external work that P̄₀V leaves out when the reference pressures differ. */
    private double anisotropicWork;
    private double driftVolume;
    private final double[] driftRates = new double[3];
    private final int chainLength;
    private final Coupling coupling;
    private final double[] p = new double[3], w = new double[3], rates = new double[3], g = new double[3];
    private NhcChain chain;

    /**
     * @param pressure        P₀, bar
     * @param compressibility κ, 1/bar
     * @param tauP            τ_p, ps
     * @param tauT            period of the barostat's thermostat chain, ps
     */
    public Mtk(double pressure, double compressibility, double tauP, double tauT, int chainLength, Coupling coupling) {
        this(pressure, pressure, compressibility, compressibility, tauP, tauT, chainLength, coupling);
    }

    /**
     * With P₀ and κ along z apart from x and y (semi-isotropic, anisotropic). Different pressures have no
     * P₀V term: the conserved quantity then adds the external work ∫Σ_a (P₀_a − P̄₀)·V·dε_a, integrated
     * exactly over each drift (ε_a grows linearly, V exponentially).
     */
    public Mtk(double pressure, double pressureZ, double compressibility, double compressibilityZ, double tauP,
               double tauT, int chainLength, Coupling coupling) {
        if (!(tauP > 0)) throw new IllegalArgumentException("tau_p must be > 0 ps: " + tauP);
        double[] pg = coupling.groupPressures(pressure, pressureZ);
        for (int a = 0; a < 3; a++) pRef[a] = pg[coupling.group[a]];
        this.pMean = (pRef[0] + pRef[1] + pRef[2]) / 3;
        this.kappa = coupling.groupCompressibilities(compressibility, compressibilityZ);
        this.tauP = tauP;
        this.tauT = tauT > 0 ? tauT : tauP;
        this.chainLength = chainLength;
        this.coupling = coupling;
    }

    @Override
    public String name() {
        return "mtk";
    }

    @Override
    public void init(Dynamics d) {
        if (coupling != Coupling.ISOTROPIC && !d.state.box.isRectangular()) {
            throw new IllegalArgumentException(coupling.deckName + " MTK coupling needs a rectangular box");
        }
        double v = d.state.box.volume();
        for (int gi = 0; gi < coupling.groups; gi++) {
            int n = coupling.size(gi);
            w[gi] = n * n * v * tauP * tauP / (4 * Math.PI * Math.PI * kappa[gi]);
        }
        if (chain == null) chain = new NhcChain(chainLength, coupling.groups, tauT, 1, 5);
        updateRates();
    }

    @Override
    public boolean needsVirial(long step) {
        return true;
    }

    @Override
    public void halfStepStart(Dynamics d, double dt) {
        chainHalf(d, dt);
        kickBox(d, dt);
        driftVolume = d.state.box.volume();
        System.arraycopy(rates, 0, driftRates, 0, 3); // the rates of the coming drift
    }

    @Override
    public void halfStepEnd(Dynamics d, double dt) {
        addAnisotropicWork(d, dt);
        kickBox(d, dt);
        chainHalf(d, dt);
    }

    private void kickBox(Dynamics d, double dt) {
        double[] k = d.kineticTensor();
        double twoK = 2 * (k[0] + k[4] + k[8]);
        double v = d.state.box.volume();
        double nf = d.degreesOfFreedom();
        java.util.Arrays.fill(g, 0);
        for (int a = 0; a < 3; a++) {
            g[coupling.group[a]] += 2 * k[4 * a] + d.virial[4 * a] - v * pRef[a] + twoK / nf;
        }
        for (int gi = 0; gi < coupling.groups; gi++) p[gi] += 0.5 * dt * g[gi];
        updateRates();
    }

    /** Σ_a (P₀_a − P̄₀)·v_a·∫V dt over the drift just done: V(t) = V₀·e^{st}, s = Σv_a, so ∫V dt = (V₁ − V₀)/s. */
    private void addAnisotropicWork(Dynamics d, double dt) {
        double dev = 0;
        for (int a = 0; a < 3; a++) dev += (pRef[a] - pMean) * driftRates[a];
        if (dev == 0) return;
        double s = driftRates[0] + driftRates[1] + driftRates[2];
        double v1 = d.state.box.volume();
        double integral = Math.abs(s * dt) > 1e-8 ? (v1 - driftVolume) / s : driftVolume * dt * (1 + 0.5 * s * dt);
        anisotropicWork += dev * integral;
    }

    private void chainHalf(Dynamics d, double dt) {
        double kb = 0;
        for (int gi = 0; gi < coupling.groups; gi++) kb += 0.5 * p[gi] * p[gi] / w[gi];
        double s = chain.halfStep(kb, Dynamics.KB * d.referenceTemperature(), dt);
        for (int gi = 0; gi < coupling.groups; gi++) p[gi] *= s;
        updateRates();
    }

    private void updateRates() {
        for (int a = 0; a < 3; a++) {
            int gi = coupling.group[a];
            rates[a] = w[gi] > 0 ? p[gi] / w[gi] : 0;
        }
    }

    @Override
    public double[] strainRates() {
        return rates;
    }

    @Override
    public double conservedEnergy(Dynamics d) {
        double e = pMean * d.state.box.volume() + anisotropicWork + chain.energy(Dynamics.KB * d.referenceTemperature());
        for (int gi = 0; gi < coupling.groups; gi++) e += 0.5 * p[gi] * p[gi] / w[gi];
        return e;
    }

    @Override
    public double[] saveState() {
        double[] c = chain.saveState();
        double[] s = new double[7 + c.length];
        System.arraycopy(p, 0, s, 0, 3);
        System.arraycopy(w, 0, s, 3, 3);
        s[6] = anisotropicWork;
        System.arraycopy(c, 0, s, 7, c.length);
        return s;
    }

    @Override
    public void restore(double[] s) {
        System.arraycopy(s, 0, p, 0, 3);
        System.arraycopy(s, 3, w, 0, 3);
        anisotropicWork = s[6];
        chain.restore(java.util.Arrays.copyOfRange(s, 7, s.length));
        updateRates();
    }
}
