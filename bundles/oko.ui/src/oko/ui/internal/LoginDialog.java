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
 * Asks the login and password for a repository server. The password is kept as characters only
 * until the session is opened; an empty one connects without logging in (a server whose users
 * have no password yet).
 */
public final class LoginDialog extends TitleAreaDialog {

    private final String server;
    private String login;
    private char[] password;
    private Text loginField;
    private Text passwordField;

    public LoginDialog(Shell shell, String server, String login) {
        super(shell);
        this.server = server;
        this.login = login;
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
        password = typed.isEmpty() ? null : typed.toCharArray();
        passwordField.setText("");
        super.okPressed();
    }

    public String login() {
        return login;
    }

    /** The password typed, or null for none. */
    public char[] password() {
        return password;
    }
}
