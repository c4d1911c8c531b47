package org.ossmultipart.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The plan of a chaos run, drawn from its seed before the run begins: when each file is dropped, its
 * size and inbox, and when each harm comes, of which kind and for how long. The files and the harm
 * draw from generators of their own, so a seed gives the same files and the same harm at the same
 * seconds whatever the processes do meanwhile: a failing run is replayed by its seed.
 */
final class ChaosSchedule {

    static final long MIB = 1 << 20;

    /** A file to drop at {@code atMs} after the start: its number, size and inbox. */
    record FileDrop(long atMs, int number, long size, int inbox) {}

    enum HarmKind {
        /** kill -9 of node 1 or 2, restarted after the downtime. */
        KILL_NODE("kill -9 node"),
        /** kill -9 of the OSS server, restarted on the same port and data directory after the downtime. */
        KILL_SERVER("kill -9 server"),
        /** kill -9 of the node leading the janitor: its ZooKeeper session ends, another node leads. */
        KILL_LEADER("kill -9 janitor leader"),
        /**
         * SIGSTOP of the node leading the janitor for longer than its ZooKeeper session (a long GC pause,
         * a frozen VM): the session expires while the node lives, another node leads, then SIGCONT.
         */
        PAUSE_LEADER("pause janitor leader"),
        /** kill -9 of ZooKeeper itself, restarted on the same port and data directory after the downtime. */
        KILL_ZOOKEEPER("kill -9 zookeeper");

        final String label;

        HarmKind(String label) {
            this.label = label;
        }
    }

    /** A harm at {@code atMs}: its kind, the node it hits (KILL_NODE only, else -1) and its downtime. */
    record Harm(long atMs, HarmKind kind, int node, long downMs) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%.1fs %s%s for %.1fs",
                    atMs / 1000.0,
                    kind.label,
                    node < 0 ? "" : Integer.toString(node),
                    downMs / 1000.0);
        }
    }

    final List<FileDrop> files;
    final List<Harm> harm;

    private ChaosSchedule(List<FileDrop> files, List<Harm> harm) {
        this.files = List.copyOf(files);
        this.harm = List.copyOf(harm);
    }

    /**
     * Files one every 0.3-1 s: 5 % empty, 35 % under 64 KiB, 20 % within 512 bytes of the 1 MiB part
     * size, 35 % of 1-9 MiB, 5 % of half to all of {@code maxFileMib}. Harm every 5-25 s after the
     * previous one has ended (harms never overlap): kill -9 of node 1 or 2 down 1-3 s (55 %), of the
     * server down 0.5-2 s (15 %), of the janitor's leader down 1-3 s (10 %), a pause of the leader for
     * 6-10 s (10 %), kill -9 of ZooKeeper down 1-8 s (10 %). Node 0, the steady node, is never harmed
     * directly.
     */
    static ChaosSchedule plan(long seed, long lengthMs, long maxFileMib, int nodes) {
        Random fileRandom = new Random(seed);
        List<FileDrop> files = new ArrayList<>();
        int n = 0;
        for (long t = 0; t < lengthMs; t += 300 + fileRandom.nextInt(700)) {
            int pick = fileRandom.nextInt(100);
            long size;
            if (pick < 5) {
                size = 0;
            } else if (pick < 40) {
                size = fileRandom.nextInt(64 * 1024);
            } else if (pick < 60) {
                size = MIB - 512 + fileRandom.nextInt(1024);
            } else if (pick < 95) {
                size = MIB + fileRandom.nextInt((int) (8 * MIB));
            } else {
                size = Math.max(MIB, (long) (maxFileMib * MIB * (0.5 + fileRandom.nextDouble() / 2)));
            }
            files.add(new FileDrop(t, n++, size, fileRandom.nextInt(nodes)));
        }
        Random harmRandom = new Random(seed ^ 0x5DEECE66DL);
        List<Harm> harm = new ArrayList<>();
        for (long t = 5_000 + harmRandom.nextInt(10_000); t < lengthMs; ) {
            int pick = harmRandom.nextInt(100);
            Harm h;
            if (pick < 55) {
                h = new Harm(t, HarmKind.KILL_NODE, 1 + harmRandom.nextInt(nodes - 1), 1000 + harmRandom.nextInt(2000));
            } else if (pick < 70) {
                h = new Harm(t, HarmKind.KILL_SERVER, -1, 500 + harmRandom.nextInt(1500));
            } else if (pick < 80) {
                h = new Harm(t, HarmKind.KILL_LEADER, -1, 1000 + harmRandom.nextInt(2000));
            } else if (pick < 90) {
                h = new Harm(t, HarmKind.PAUSE_LEADER, -1, 6000 + harmRandom.nextInt(4000));
            } else {
                h = new Harm(t, HarmKind.KILL_ZOOKEEPER, -1, 1000 + harmRandom.nextInt(7000));
            }
            harm.add(h);
            t += h.downMs() + 5_000 + harmRandom.nextInt(20_000);
        }
        return new ChaosSchedule(files, harm);
    }
}
