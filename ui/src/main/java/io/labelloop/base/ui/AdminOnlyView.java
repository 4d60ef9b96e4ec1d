package io.labelloop.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a signed-in user sees in the shell when a view's roles refuse them (an annotator opening {@code /loops}): the
 * refusal itself is the server's navigation access control; this only says so in words, with a way back.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class AdminOnlyView extends Div implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        setId("access-denied");
        addClassName("ll-card");
        add(new H2("This page is for admins"),
                new Paragraph("'/" + event.getLocation().getPath() + "' is open to admins only. Ask an admin if you need it."),
                new Anchor("", "Back to labeling"));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
