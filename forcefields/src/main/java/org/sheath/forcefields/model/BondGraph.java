package org.sheath.forcefields.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Undirected graph of chemical bonds within one molecule; distances are counted in bonds. */
public final class BondGraph {
    private final List<List<Integer>> neighbours;

    public BondGraph(int natoms) {
        neighbours = new ArrayList<>(natoms);
        for (int i = 0; i < natoms; i++) neighbours.add(new ArrayList<>(4));
    }

    public void addBond(int i, int j) {
        if (i == j) return;
        if (!neighbours.get(i).contains(j)) neighbours.get(i).add(j);
        if (!neighbours.get(j).contains(i)) neighbours.get(j).add(i);
    }

    public List<Integer> neighbours(int i) {
        return neighbours.get(i);
    }

    public int size() {
        return neighbours.size();
    }

    /**
     * Shortest bond-path distance from atom {@code from} to every atom, searched up to {@code maxDepth}
     * bonds; 0 for the atom itself, −1 for atoms further away or unconnected.
     */
    public int[] distancesFrom(int from, int maxDepth) {
        int[] dist = new int[neighbours.size()];
        Arrays.fill(dist, -1);
        dist[from] = 0;
        int[] queue = new int[neighbours.size()];
        int head = 0, tail = 0;
        queue[tail++] = from;
        while (head < tail) {
            int a = queue[head++];
            if (dist[a] == maxDepth) continue;
            for (int b : neighbours.get(a)) {
                if (dist[b] < 0) {
                    dist[b] = dist[a] + 1;
                    queue[tail++] = b;
                }
            }
        }
        return dist;
    }

    /** Atoms 1 to {@code maxDepth} bonds away from {@code from}; cost grows with that neighbourhood only. */
    public List<Integer> within(int from, int maxDepth) {
        List<Integer> found = new ArrayList<>();
        java.util.Map<Integer, Integer> depth = new java.util.HashMap<>();
        depth.put(from, 0);
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        queue.add(from);
        while (!queue.isEmpty()) {
            int a = queue.poll();
            int d = depth.get(a);
            if (d == maxDepth) continue;
            for (int b : neighbours.get(a)) {
                if (!depth.containsKey(b)) {
                    depth.put(b, d + 1);
                    found.add(b);
                    queue.add(b);
                }
            }
        }
        return found;
    }

    /**
     * The 1-4 pairs (i < j) as GROMACS's pdb2gmx generates them: atoms whose shortest bond path is
     * exactly three bonds (so ring atoms that are also 1-2 or 1-3 are not pairs).
     */
    public List<int[]> pairs14() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < neighbours.size(); i++) {
            int[] d = distancesFrom(i, 3);
            for (int j = i + 1; j < d.length; j++) {
                if (d[j] == 3) out.add(new int[] {i, j});
            }
        }
        return out;
    }
}
