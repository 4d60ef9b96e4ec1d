package io.labelloop.loop.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.dom.Element;

/**
 * The confusion matrix as an HTML table: the whole matrix for a small label set, and beyond {@link #MATRIX_MAX_LABELS}
 * labels (banking77's 77 would be a 77 x 77 grid of mostly zeros) the {@link #TOP_CONFUSIONS} largest confusions as
 * rows "true → predicted, count, share of the true label". Built from elements with text content only: labels are
 * data and never parsed as HTML.
 */
final class ConfusionTable {

    /** Up to this many labels the full matrix stays readable. */
    static final int MATRIX_MAX_LABELS = 10;
    /** Confusions listed for a larger label set. */
    static final int TOP_CONFUSIONS = 15;

    private ConfusionTable() {
    }

    static Element of(ConfusionMatrix matrix) {
        return matrix.labels().size() <= MATRIX_MAX_LABELS ? full(matrix) : top(matrix.topConfusions(TOP_CONFUSIONS));
    }

    /** What the table shows, for the caption above it. */
    static String describe(ConfusionMatrix matrix) {
        int n = matrix.labels().size();
        return n <= MATRIX_MAX_LABELS ? "" : String.format(Locale.ROOT, " With %d labels, the %d most frequent "
                + "confusions instead of the %d x %d matrix.", n, TOP_CONFUSIONS, n, n);
    }

    private static Element full(ConfusionMatrix matrix) {
        Element table = table("ll-confusion");
        Element head = new Element("tr");
        head.appendChild(cell("th", "true \\ predicted"));
        matrix.labels().forEach(l -> head.appendChild(cell("th", l)));
        table.appendChild(head);
        for (String truth : matrix.labels()) {
            Element row = new Element("tr");
            row.appendChild(cell("th", truth));
            matrix.labels().forEach(p -> row.appendChild(cell("td", String.valueOf(matrix.get(truth, p)))));
            table.appendChild(row);
        }
        return table;
    }

    private static Element top(List<ConfusionMatrix.Confusion> confusions) {
        Element table = table("ll-confusion");
        table.setAttribute("data-top-confusions", String.valueOf(confusions.size()));
        Element head = new Element("tr");
        List.of("true label", "predicted as", "records", "of the true label's").forEach(h -> head.appendChild(cell("th", h)));
        table.appendChild(head);
        if (confusions.isEmpty()) {
            Element row = new Element("tr");
            row.appendChild(cell("td", "no confusions: every counted record was predicted right"));
            table.appendChild(row);
        }
        for (ConfusionMatrix.Confusion c : confusions) {
            Element row = new Element("tr");
            row.appendChild(cell("th", c.truth()));
            row.appendChild(cell("td", "→ " + c.predicted()));
            row.appendChild(cell("td", String.valueOf(c.count())));
            row.appendChild(cell("td", DashboardView.percent((double) c.count() / c.truthTotal())));
            table.appendChild(row);
        }
        return table;
    }

    private static Element table(String className) {
        Element table = new Element("table");
        table.getClassList().add(className);
        return table;
    }

    private static Element cell(String tag, String text) {
        Element cell = new Element(tag);
        cell.setText(text);
        return cell;
    }
}
