package io.labelloop.dataset.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.dom.Element;

/**
 * The max-score filter: two sliders (native range inputs, since no slider component ships free with this
 * Vaadin) and two number fields that mirror them, so the bounds can be dragged or typed.
 */
final class ScoreRange extends HorizontalLayout {

    private final NumberField from = field("Score from", "score-min", 0.0);
    private final NumberField to = field("to", "score-max", 1.0);
    private final Element fromSlider = slider("score-min-slider", 0.0);
    private final Element toSlider = slider("score-max-slider", 1.0);

    ScoreRange(Runnable onChange) {
        addClassName("ll-score-range");
        setAlignItems(Alignment.BASELINE);
        Div sliders = new Div();
        sliders.addClassName("ll-sliders");
        sliders.getElement().appendChild(fromSlider, toSlider);
        add(from, sliders, to);
        link(fromSlider, from, onChange);
        link(toSlider, to, onChange);
    }

    private static void link(Element slider, NumberField field, Runnable onChange) {
        slider.addEventListener("change", e -> field.setValue(e.getEventData().getNumber("element.value")))
                .addEventData("element.value");
        field.addValueChangeListener(e -> {
            double value = e.getValue() == null ? 0 : Math.max(0, Math.min(1, e.getValue()));
            slider.setProperty("value", String.format(Locale.ROOT, "%.2f", value));
            onChange.run();
        });
    }

    /** The lower bound, or null when it excludes nothing (so unscored records stay in). */
    Double min() {
        Double v = from.getValue();
        return v == null || v <= 0 ? null : v;
    }

    /** The upper bound (exclusive in the store), or null when it excludes nothing. */
    Double max() {
        Double v = to.getValue();
        return v == null || v >= 1 ? null : v;
    }

    private static NumberField field(String label, String id, double value) {
        NumberField field = new NumberField(label);
        field.setId(id);
        field.setMin(0);
        field.setMax(1);
        field.setStep(0.01);
        field.setValue(value);
        field.setWidth("5em");
        field.addThemeName("small");
        return field;
    }

    private static Element slider(String id, double value) {
        Element slider = new Element("input");
        slider.setAttribute("type", "range");
        slider.setAttribute("min", "0");
        slider.setAttribute("max", "1");
        slider.setAttribute("step", "0.01");
        slider.setAttribute("id", id);
        slider.setAttribute("aria-label", id.replace('-', ' '));
        slider.setProperty("value", String.valueOf(value));
        return slider;
    }
}
