package io.labelloop.loop.simulation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Draws learning curves (accuracy and macro-F1 over labels) into a PNG with java.awt, headless. */
final class CurvePlot {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;
    private static final int MARGIN = 60;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd)};

    private CurvePlot() {
    }

    /** One PNG with a line per curve: solid for accuracy, dashed for macro-F1. */
    static void write(Path png, String title, List<String> names, List<LearningCurve> curves) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Scale scale = Scale.of(curves);
            axes(g, scale, title);
            for (int i = 0; i < curves.size(); i++) {
                Color color = COLORS[i % COLORS.length];
                line(g, scale, curves.get(i), color, true);
                line(g, scale, curves.get(i), color, false);
                legend(g, i, names.get(i) + String.format(" (AUC %.3f)", curves.get(i).accuracyAuc()), color);
            }
        } finally {
            g.dispose();
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(image, "png", png.toFile());
    }

    private static void axes(Graphics2D g, Scale s, String title) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, MARGIN, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN);
        g.drawLine(MARGIN, MARGIN, MARGIN, HEIGHT - MARGIN);
        for (int k = 0; k <= 5; k++) {
            double y = s.minY + (s.maxY - s.minY) * k / 5;
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(MARGIN, s.y(y), WIDTH - MARGIN, s.y(y));
            g.setColor(Color.BLACK);
            g.drawString(String.format("%.2f", y), 15, s.y(y) + 4);
            double x = s.maxX * k / 5.0;
            g.drawString(String.valueOf(Math.round(x)), s.x(x) - 10, HEIGHT - MARGIN + 18);
        }
        g.drawString("labels", WIDTH / 2 - 20, HEIGHT - 15);
        g.drawString("solid: accuracy, dashed: macro-F1 (held out)", WIDTH - MARGIN - 280, HEIGHT - 15);
    }

    private static void line(Graphics2D g, Scale s, LearningCurve c, Color color, boolean accuracy) {
        g.setColor(color);
        g.setStroke(accuracy ? new BasicStroke(2.5f)
                : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        List<LearningCurve.Point> p = c.iterations();
        for (int i = 0; i < p.size(); i++) {
            double v = accuracy ? p.get(i).accuracy() : p.get(i).macroF1();
            g.fillOval(s.x(p.get(i).labels()) - 3, s.y(v) - 3, 6, 6);
            if (i > 0) {
                double prev = accuracy ? p.get(i - 1).accuracy() : p.get(i - 1).macroF1();
                g.drawLine(s.x(p.get(i - 1).labels()), s.y(prev), s.x(p.get(i).labels()), s.y(v));
            }
        }
        g.setStroke(new BasicStroke(1));
    }

    private static void legend(Graphics2D g, int i, String text, Color color) {
        g.setColor(color);
        g.fillRect(WIDTH - MARGIN - 260, MARGIN + 10 + i * 18, 12, 12);
        g.setColor(Color.BLACK);
        g.drawString(text, WIDTH - MARGIN - 242, MARGIN + 21 + i * 18);
    }

    private record Scale(double maxX, double minY, double maxY) {

        static Scale of(List<LearningCurve> curves) {
            double maxX = 1;
            double minY = 1;
            for (LearningCurve c : curves) {
                for (LearningCurve.Point p : c.iterations()) {
                    maxX = Math.max(maxX, p.labels());
                    minY = Math.min(minY, Math.min(p.accuracy(), p.macroF1()));
                }
            }
            return new Scale(maxX, Math.max(0, Math.floor(minY * 10) / 10), 1.0);
        }

        int x(double labels) {
            return MARGIN + (int) Math.round((WIDTH - 2 * MARGIN) * labels / maxX);
        }

        int y(double value) {
            return HEIGHT - MARGIN - (int) Math.round((HEIGHT - 2 * MARGIN) * (value - minY) / (maxY - minY));
        }
    }
}
