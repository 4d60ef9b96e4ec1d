package io.labelloop.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The sign-in page; Spring Security handles the form's POST to {@code /login}. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Labelloop")
@AnonymousAllowed
@StyleSheet("context://css/app.css")
public final class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    LoginView() {
        addClassName("ll-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        Paragraph hint = new Paragraph("Users and their password variables are set in config/application.yml "
                + "(labelloop.security.users); unset passwords are generated and printed at start.");
        hint.addClassName("ll-hint");
        add(new H1("Labelloop"), form, hint);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
