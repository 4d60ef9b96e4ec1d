package io.labelloop.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** An address that is no view, shown in the shell with the way back (Vaadin's own answer is a bare line of text). */
@ParentLayout(MainLayout.class)
@PermitAll
public class PageNotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        setId("not-found");
        addClassName("ll-card");
        add(new H2("Page not found"),
                new Paragraph("There is no page at '/" + event.getLocation().getPath() + "'."),
                new Anchor("", "Back to labeling"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
