package oko.ui.internal;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks the login and password for a repository server and tries them: OK hands them to the
 * attempt, which connects; while the server refuses, the dialog stays open with the server's
 * answer and an emptied password field. The password is kept as characters only for the attempt;
 * an empty one connects without logging in (a server whose users have no password yet).
 */
public final class LoginDialog extends TitleAreaDialog {

    /** Tries a login: null when the server accepted it, else what to tell the user. */
    @FunctionalInterface
    public interface Attempt {
        String tryLogin(String login, char[] password);
    }

    private final String server;
    private final Attempt attempt;
    private String login;
    private Text loginField;
    private Text passwordField;

    public LoginDialog(Shell shell, String server, String login, Attempt attempt) {
        super(shell);
        this.server = server;
        this.login = login;
        this.attempt = attempt;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.loginTitle);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.loginTitle);
        setMessage(Messages.bind(Messages.loginMessage, server));
        Composite body = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(body);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        new Label(body, SWT.NONE).setText(Messages.loginLogin);
        loginField = new Text(body, SWT.BORDER);
        loginField.setText(login == null ? "" : login);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(loginField);
        new Label(body, SWT.NONE).setText(Messages.loginPassword);
        passwordField = new Text(body, SWT.BORDER | SWT.PASSWORD);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(passwordField);
        loginField.addModifyListener(e -> validate());
        passwordField.setFocus();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
    }

    private void validate() {
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(!loginField.getText().isBlank());
        }
    }

    @Override
    protected void okPressed() {
        login = loginField.getText().strip();
        String typed = passwordField.getText();
        char[] password = typed.isEmpty() ? null : typed.toCharArray();
        passwordField.setText("");
        String refused;
        try {
            refused = attempt.tryLogin(login, password);
        } finally {
            if (password != null) {
                java.util.Arrays.fill(password, '\0');
            }
        }
        if (refused == null) {
            super.okPressed();
        } else {
            setErrorMessage(refused);
            passwordField.setFocus();
        }
    }

}
