package io.labelloop.base.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * What the browser shows when its server session is gone (timed out, server restarted) and the user acts anyway.
 * Vaadin's default reloads the page silently, so a label key pressed at that moment would vanish without a word.
 * Here the page says that the action was not saved; a click or a key then reloads it, which leads to the sign-in
 * page and, after it, back to the view. The record stays unlabeled: the request never reached a view, and the
 * expired session's labeling view gave its claim back when the session ended.
 */
@Component
class SessionExpiredMessage implements VaadinServiceInitListener {

    static final String CAPTION = "Your session expired: your last action was NOT saved.";
    static final String MESSAGE = "The record you were on is still unlabeled. Click here or press any key to "
            + "sign in again and carry on.";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(true);
        messages.setSessionExpiredCaption(CAPTION);
        messages.setSessionExpiredMessage(MESSAGE);
        // null URL: reload the page the user was on, so that the sign-in leads back to it
        messages.setSessionExpiredURL(null);
        event.getSource().setSystemMessagesProvider(info -> messages);
    }
}
