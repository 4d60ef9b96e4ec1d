package io.labelloop.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

/** The shell around every signed-in view: the menu (only entries the user may open), the user and sign-out. */
@Layout
@PermitAll
@StyleSheet("context://css/app.css")
final class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext auth) {
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), menu());
        addToNavbar(true, new DrawerToggle(), userBox(auth));
    }

    private static Div brand() {
        Div brand = new Div(new Span("Labelloop"));
        brand.addClassName("ll-brand");
        return brand;
    }

    private static SideNav menu() {
        SideNav nav = new SideNav();
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        return nav;
    }

    private static SideNavItem item(MenuEntry entry) {
        return entry.icon() == null
                ? new SideNavItem(entry.title(), entry.path())
                : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
    }

    private static HorizontalLayout userBox(AuthenticationContext auth) {
        Span user = new Span(auth.getPrincipalName().orElse(""));
        user.setId("current-user");
        Button signOut = new Button("Sign out", e -> auth.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout box = new HorizontalLayout(user, signOut);
        box.addClassName("ll-user");
        box.setAlignItems(HorizontalLayout.Alignment.CENTER);
        return box;
    }
}
