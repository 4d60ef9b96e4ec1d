package io.labelloop.base.ui;

import java.util.List;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;

/** Fills a dataset or loop picker and chooses the one named in the URL, else the first. */
public final class NamePicker {

    private NamePicker() {
    }

    /** Sets the items and the value; returns the chosen name, or null when there is none. */
    public static String fill(Select<String> picker, List<String> names, BeforeEnterEvent event, String parameter) {
        picker.setItems(names);
        String wanted = event.getLocation().getQueryParameters().getSingleParameter(parameter)
                .filter(names::contains).orElse(names.isEmpty() ? null : names.get(0));
        picker.setValue(wanted);
        return wanted;
    }
}
