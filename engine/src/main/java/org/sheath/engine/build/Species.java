package org.sheath.engine.build;

import java.util.List;

/**
 * One species of a force-field library that the builder can place: its molecule type name, the .itp
 * that defines it and the one-molecule .gro template (both paths relative to the library root, as a
 * topology includes them), the template's atom names, and the template as a rigid body centred on its
 * geometric centre.
 */
public record Species(String name, String itp, String templateFile, List<String> atomNames, Packer.Template template) {
    public Species {
        atomNames = List.copyOf(atomNames);
    }

    public int atomCount() {
        return template.size();
    }
}
