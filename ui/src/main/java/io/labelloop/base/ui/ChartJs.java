package io.labelloop.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.dom.Element;

/**
 * A chart.js chart driven from the server. chart.js comes from its WebJar at run time, because no
 * custom frontend bundle can be built offline; the configuration travels as JSON so that record text
 * never becomes code.
 */
public final class ChartJs extends Div {

    /** Where Spring Boot serves the chart.js WebJar (org.webjars.npm:chart.js). */
    public static final String SCRIPT = "context://webjars/chart.js/4.5.1/dist/chart.umd.min.js";

    private String config;

    /** A chart with an accessible name, drawn once {@link #setConfig} is called. */
    public ChartJs(String id, String title) {
        setId(id);
        addClassName("ll-chart");
        NativeLabel caption = new NativeLabel(title);
        caption.addClassName("ll-chart-title");
        add(caption);
        Div box = new Div();
        box.addClassName("ll-chart-box");
        box.getElement().appendChild(new Element("canvas"));
        add(box);
    }

    /** Draws (or redraws in place) with a chart.js configuration given as JSON. */
    public void setConfig(String json) {
        if (json.equals(config)) {
            return;
        }
        config = json;
        draw();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getPage().addJavaScript(SCRIPT);
        if (config != null) {
            draw();
        }
    }

    private void draw() {
        getElement().executeJs("""
                const cfg = JSON.parse($0);
                const canvas = this.querySelector('canvas');
                if (this.$chart && this.$chart.config.type === cfg.type) {
                  this.$chart.data = cfg.data;
                  this.$chart.update('none');
                } else {
                  if (this.$chart) { this.$chart.destroy(); }
                  cfg.options = Object.assign({animation: false, responsive: true, maintainAspectRatio: false}, cfg.options || {});
                  this.$chart = new Chart(canvas, cfg);
                }
                this.dataset.points = JSON.stringify(cfg.data.datasets.map(d => d.data));
                """, config);
    }
}
