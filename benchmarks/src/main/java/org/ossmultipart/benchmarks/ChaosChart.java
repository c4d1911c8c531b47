package org.ossmultipart.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The chaos run over time as an SVG, every panel on the same time axis: bytes stored per interval,
 * random faults per interval, each harm and leader change as a tick on its own row, and the heap after
 * GC of every node JVM (one colour per node, one line per lifetime). A reader sees where the run hurt
 * and that the work went on.
 */
final class ChaosChart {

    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};
    private static final int WIDTH = 1000;
    private static final int LEFT = 190;
    private static final int RIGHT = WIDTH - 30;
    private static final int BAR_PANEL = 140;
    private static final int ROW = 18;

    private final String title;
    private final String subtitle;
    private final long endMs;
    private final long bucketMs;
    private final long harmEndsMs;
    private final List<Object[]> barPanels = new ArrayList<>(); // {name, unit, double[] values}
    private final Map<String, List<Long>> ticks = new LinkedHashMap<>();
    private final Map<String, List<long[][]>> heapByNode = new LinkedHashMap<>();

    /** {@code harmEndsMs}: where the quiet period begins, drawn as a dashed line across the panels. */
    ChaosChart(String title, String subtitle, long endMs, long harmEndsMs, long bucketMs) {
        this.harmEndsMs = harmEndsMs;
        this.title = title;
        this.subtitle = subtitle;
        this.endMs = Math.max(1, endMs);
        this.bucketMs = bucketMs;
    }

    /** A bar per interval of what happened at the given times: pairs of (ms since start, amount). */
    void perInterval(String name, String unit, List<long[]> events, double scale) {
        double[] buckets = new double[(int) (endMs / bucketMs) + 1];
        for (long[] e : events) {
            buckets[(int) Math.min(buckets.length - 1, Math.max(0, e[0]) / bucketMs)] += e[1] * scale;
        }
        barPanels.add(new Object[] {name, unit, buckets});
    }

    /** A row of ticks, one at each time. */
    void ticks(String row, List<Long> timesMs) {
        ticks.put(row, timesMs);
    }

    /** One lifetime of a node's JVM: pairs of (ms since start, MiB). */
    void heap(String node, long[][] points) {
        if (points.length > 0) {
            heapByNode.computeIfAbsent(node, n -> new ArrayList<>()).add(points);
        }
    }

    void write(Path file) throws IOException {
        int ticksHeight = 30 + ticks.size() * ROW;
        int height = 80 + barPanels.size() * (BAR_PANEL + 45) + ticksHeight + 45 + BAR_PANEL + 45 + 30;
        StringBuilder svg = new StringBuilder();
        svg.append(Chart.svgOpen(WIDTH, height));
        svg.append(text(20, 28, 16, "bold", title));
        svg.append(text(20, 48, 12, "normal", subtitle));
        int y = 80;
        for (Object[] p : barPanels) {
            barPanel(svg, y, (String) p[0], (String) p[1], (double[]) p[2]);
            y += BAR_PANEL + 45;
        }
        tickPanel(svg, y);
        y += ticksHeight + 45;
        heapPanel(svg, y);
        y += BAR_PANEL + 5;
        timeAxis(svg, y);
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"70\" x2=\"%.1f\" y2=\"%d\" stroke=\"gray\" stroke-dasharray=\"4 3\"/>%n",
                x(harmEndsMs),
                x(harmEndsMs),
                y));
        svg.append(text((int) x(harmEndsMs) + 4, 68, 11, "normal", "quiet period"));
        svg.append("</svg>\n");
        Files.writeString(file, svg);
    }

    private double x(long ms) {
        return LEFT + (RIGHT - LEFT) * (ms / (double) endMs);
    }

    private void barPanel(StringBuilder svg, int top, String name, String unit, double[] buckets) {
        double max = 0;
        for (double b : buckets) {
            max = Math.max(max, b);
        }
        svg.append(text(20, top, 13, "bold", name));
        svg.append(text(20, top + 18, 11, "normal", String.format(Locale.ROOT, "max %s %s", format(max), unit)));
        int bottom = top + BAR_PANEL;
        axes(svg, top + 5, bottom);
        double width = (RIGHT - LEFT) * (bucketMs / (double) endMs);
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i] <= 0) {
                continue;
            }
            double h = (BAR_PANEL - 10) * buckets[i] / max;
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                    x(i * bucketMs),
                    bottom - h,
                    Math.max(1, Math.min(width - 1, RIGHT - x(i * bucketMs))),
                    h,
                    COLORS[0]));
        }
    }

    private void tickPanel(StringBuilder svg, int top) {
        svg.append(text(20, top, 13, "bold", "Harm and leader changes (one tick each)"));
        int row = 0;
        for (Map.Entry<String, List<Long>> r : ticks.entrySet()) {
            int y = top + 15 + row * ROW;
            String color = COLORS[(row + 1) % COLORS.length];
            svg.append(text(
                    20, y + 12, 11, "normal", r.getKey() + " (" + r.getValue().size() + ")"));
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#dddddd\"/>%n",
                    LEFT,
                    y + 8,
                    RIGHT,
                    y + 8));
            for (long t : r.getValue()) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
                        x(t),
                        y + 1,
                        x(t),
                        y + 15,
                        color));
            }
            row++;
        }
    }

    private void heapPanel(StringBuilder svg, int top) {
        double max = 1;
        for (List<long[][]> lives : heapByNode.values()) {
            for (long[][] life : lives) {
                for (long[] p : life) {
                    max = Math.max(max, p[1]);
                }
            }
        }
        svg.append(text(20, top, 13, "bold", "Heap after GC per node (MiB)"));
        svg.append(text(20, top + 18, 11, "normal", "max " + format(max) + " MiB"));
        int bottom = top + BAR_PANEL;
        axes(svg, top + 5, bottom);
        int i = 0;
        for (Map.Entry<String, List<long[][]>> node : heapByNode.entrySet()) {
            String color = COLORS[i % COLORS.length];
            for (long[][] life : node.getValue()) {
                StringBuilder path = new StringBuilder();
                for (long[] p : life) {
                    double y = bottom - (BAR_PANEL - 10) * (p[1] / max);
                    path.append(path.length() == 0 ? "M" : " L")
                            .append(String.format(Locale.ROOT, "%.1f %.1f", x(p[0]), y));
                }
                svg.append(String.format(
                        Locale.ROOT,
                        "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.2\"/>%n",
                        path,
                        color));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"20\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>%n",
                    top + 32 + i * 16,
                    color));
            svg.append(text(
                    36,
                    top + 41 + i * 16,
                    11,
                    "normal",
                    node.getKey() + " (" + node.getValue().size()
                            + (node.getValue().size() == 1 ? " life)" : " lives)")));
            i++;
        }
    }

    private void axes(StringBuilder svg, int top, int bottom) {
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT,
                bottom,
                RIGHT,
                bottom,
                LEFT,
                top,
                LEFT,
                bottom));
    }

    private void timeAxis(StringBuilder svg, int y) {
        long minutes = endMs / 60_000;
        long step = Math.max(1, minutes / 10);
        for (long m = 0; m <= minutes; m += step) {
            double x = x(m * 60_000);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n",
                    x,
                    y - 5,
                    x,
                    y));
            svg.append(text((int) x - 4, y + 14, 11, "normal", Long.toString(m)));
        }
        svg.append(text(RIGHT - 150, y + 14, 11, "normal", "minutes since the start"));
    }

    private static String text(int x, int y, int size, String weight, String content) {
        return Chart.text(x, y, size, weight, content);
    }

    private static String format(double value) {
        return Chart.format(value);
    }
}
