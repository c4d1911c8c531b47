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
 * The figures of one run drawn as an SVG the benchmark writes itself: bar panels (one unit each) and
 * a panel of heap-over-time lines, so that a reader sees the result at a glance.
 */
final class Chart {

    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};
    private static final int WIDTH = 960;
    private static final int PANEL_HEIGHT = 220;

    private record Bar(String label, double value, boolean ours) {}

    private final Map<String, List<Bar>> panels = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();
    private final Map<String, long[][]> series = new LinkedHashMap<>();
    private final String title;

    Chart(String title) {
        this.title = title;
    }

    void bar(String panel, String unit, String label, double value, boolean ours) {
        panels.computeIfAbsent(panel, p -> new ArrayList<>()).add(new Bar(label, value, ours));
        units.put(panel, unit);
    }

    /** A heap-over-time line: pairs of (milliseconds since start, MiB in use). */
    void heap(String label, long[][] points) {
        if (points.length > 0) {
            series.put(label, points);
        }
    }

    void write(Path file) throws IOException {
        int panelsCount = panels.size() + (series.isEmpty() ? 0 : 1);
        int height = 60 + panelsCount * (PANEL_HEIGHT + 40);
        StringBuilder svg = new StringBuilder();
        svg.append(svgOpen(WIDTH, height));
        svg.append(text(20, 30, 16, "bold", title));
        int y = 60;
        for (Map.Entry<String, List<Bar>> panel : panels.entrySet()) {
            barPanel(svg, y, panel.getKey(), units.get(panel.getKey()), panel.getValue());
            y += PANEL_HEIGHT + 40;
        }
        if (!series.isEmpty()) {
            heapPanel(svg, y);
        }
        svg.append("</svg>\n");
        Files.writeString(file, svg);
    }

    private static void barPanel(StringBuilder svg, int top, String name, String unit, List<Bar> bars) {
        svg.append(text(20, top, 14, "bold", name + " (" + unit + ")"));
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        int rowHeight = Math.min(36, (PANEL_HEIGHT - 20) / Math.max(1, bars.size()));
        int labelWidth = 300;
        int barSpace = WIDTH - labelWidth - 120;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = top + 15 + i * rowHeight;
            int w = (int) Math.round(barSpace * (max <= 0 ? 0 : b.value() / max));
            svg.append(text(20, y + rowHeight / 2 + 4, 12, "normal", b.label()));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                    labelWidth,
                    y + 4,
                    Math.max(1, w),
                    rowHeight - 8,
                    b.ours() ? COLORS[0] : COLORS[1]));
            svg.append(text(labelWidth + w + 6, y + rowHeight / 2 + 4, 12, "normal", format(b.value())));
        }
    }

    private void heapPanel(StringBuilder svg, int top) {
        svg.append(text(20, top, 14, "bold", "Heap in use over time, memory runs (MiB; garbage included)"));
        int left = 70;
        int right = WIDTH - 220;
        int bottom = top + PANEL_HEIGHT;
        int plotTop = top + 15;
        double maxT = 1;
        double maxMib = 1;
        for (long[][] points : series.values()) {
            for (long[] p : points) {
                maxT = Math.max(maxT, p[0]);
                maxMib = Math.max(maxMib, p[1]);
            }
        }
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                left,
                bottom,
                right,
                bottom,
                left,
                plotTop,
                left,
                bottom));
        svg.append(text(left - 60, plotTop + 10, 11, "normal", format(maxMib) + " MiB"));
        svg.append(text(left - 20, bottom, 11, "normal", "0"));
        svg.append(text(right - 40, bottom + 16, 11, "normal", "time, relative"));
        int i = 0;
        for (Map.Entry<String, long[][]> s : series.entrySet()) {
            String color = COLORS[i % COLORS.length];
            long[][] points = s.getValue();
            double runT = Math.max(1, points[points.length - 1][0]);
            StringBuilder path = new StringBuilder();
            for (long[] p : points) {
                double x = left + (right - left) * (p[0] / runT);
                double y = bottom - (bottom - plotTop) * (p[1] / maxMib);
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            }
            svg.append(String.format(
                    Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>%n", path, color));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    right + 15,
                    plotTop + i * 20,
                    color));
            svg.append(text(right + 32, plotTop + i * 20 + 11, 11, "normal", s.getKey()));
            i++;
        }
    }

    /** The opening of an SVG of the charts' style: its size, the font, a white background. */
    static String svgOpen(int width, int height) {
        return String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                width,
                height);
    }

    static String text(int x, int y, int size, String weight, String content) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\">%s</text>%n",
                x,
                y,
                size,
                weight,
                content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }

    static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
