package io.edgecoord.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Draws the soak's series as a PNG, one small panel each: the samples over time (minutes), the
 * warm-up shaded, and the fitted line after it, green when flat and red when not; the value axis
 * fits the samples after warm-up (warm-up values above it are drawn at the top). Headless AWT,
 * no dependency.
 */
final class SoakPlot {

    private static final int COLUMNS = 2;
    private static final int PANEL_W = 560;
    private static final int PANEL_H = 200;
    private static final int MARGIN = 46;

    private SoakPlot() {
    }

    static void write(List<SoakSample> samples, double warmUpSeconds, Map<SoakSeries, SoakTrend> trends, Path png)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        SoakSeries[] all = SoakSeries.values();
        int rows = (all.length + COLUMNS - 1) / COLUMNS;
        BufferedImage image = new BufferedImage(COLUMNS * PANEL_W, rows * PANEL_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < all.length; i++) {
            g.translate((i % COLUMNS) * PANEL_W, (i / COLUMNS) * PANEL_H);
            panel(g, samples, warmUpSeconds, all[i], trends.get(all[i]));
            g.translate(-(i % COLUMNS) * PANEL_W, -(i / COLUMNS) * PANEL_H);
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void panel(Graphics2D g, List<SoakSample> samples, double warmUp, SoakSeries series,
            SoakTrend trend) {
        double tMax = Math.max(1, samples.getLast().seconds());
        double lo = samples.stream().mapToDouble(s -> s.value(series)).filter(Double::isFinite).min().orElse(0);
        // Scaled to the measured part: a cold start's seconds in the warm-up would flatten the rest.
        double hi = samples.stream().filter(s -> s.seconds() >= warmUp).mapToDouble(s -> s.value(series))
                .filter(Double::isFinite).max().orElse(1);
        lo = Math.min(lo, 0);
        hi = hi <= lo ? lo + 1 : hi * 1.1;
        int w = PANEL_W - MARGIN - 12;
        int h = PANEL_H - MARGIN - 8;
        Axes axes = new Axes(tMax, lo, hi, w, h);
        g.setColor(new Color(235, 235, 235));
        g.fillRect(MARGIN, 22, axes.x(warmUp) - MARGIN, h);
        g.setColor(Color.GRAY);
        g.drawRect(MARGIN, 22, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(format(hi), 4, 30);
        g.drawString(format(lo), 4, 22 + h);
        for (int minute = 0; minute <= tMax / 60; minute += Math.max(1, (int) (tMax / 60 / 6))) {
            g.drawLine(axes.x(minute * 60.0), 22 + h, axes.x(minute * 60.0), 26 + h);
            g.drawString(minute + (minute == 0 ? " min" : ""), axes.x(minute * 60.0) - 3, 38 + h);
        }
        g.drawString("warm-up", MARGIN + 4, 34);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        String verdict = trend == null ? "" : trend.flat() ? "  flat" : "  GROWS";
        g.drawString(series.label() + (series.unit().isEmpty() ? "" : " (" + series.unit() + ")") + verdict,
                MARGIN, 16);
        Path2D line = new Path2D.Double();
        boolean started = false;
        for (SoakSample sample : samples) {
            double v = sample.value(series);
            if (!Double.isFinite(v)) {
                continue;
            }
            if (started) {
                line.lineTo(axes.x(sample.seconds()), axes.y(v));
            }
            else {
                line.moveTo(axes.x(sample.seconds()), axes.y(v));
                started = true;
            }
            g.fillOval(axes.x(sample.seconds()) - 2, axes.y(v) - 2, 4, 4);
        }
        g.setStroke(new BasicStroke(1.5f));
        g.draw(line);
        if (trend != null) {
            double mid = (warmUp + tMax) / 2;
            double startV = trend.mean() + trend.slopePerMinute() / 60 * (warmUp - mid);
            double endV = trend.mean() + trend.slopePerMinute() / 60 * (tMax - mid);
            g.setColor(trend.flat() ? new Color(0, 150, 0) : Color.RED);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
            g.drawLine(axes.x(warmUp), axes.y(startV), axes.x(tMax), axes.y(endV));
        }
        g.setStroke(new BasicStroke(1));
    }

    private static String format(double value) {
        return Math.abs(value) >= 100 ? String.format("%.0f", value) : String.format("%.1f", value);
    }

    /** Maps seconds and values to the panel's pixels. */
    private record Axes(double tMax, double lo, double hi, int w, int h) {

        int x(double seconds) {
            return MARGIN + (int) Math.round(seconds / tMax * w);
        }

        int y(double value) {
            return 22 + h - (int) Math.round(Math.min(1, (value - lo) / (hi - lo)) * h);
        }
    }
}
