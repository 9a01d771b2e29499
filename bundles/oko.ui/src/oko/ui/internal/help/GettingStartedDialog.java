package oko.ui.internal.help;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.browser.ProgressAdapter;
import org.eclipse.swt.browser.ProgressEvent;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.Bundle;

/**
 * Help ▸ «Начало работы»: the bundled page {@code help/getting-started.html} (English:
 * {@code getting-started_en.html}) in a browser (WebKitGTK), or as plain text where no browser
 * works. Not modal, so the user can follow the steps beside it.
 */
public final class GettingStartedDialog extends Dialog {

    /** The page in the user's language, from this bundle. */
    static final String PAGE = "help/getting-started";

    private Browser browser;
    private boolean loaded;

    public GettingStartedDialog(Shell parent) {
        super(parent);
        setShellStyle(SWT.SHELL_TRIM | SWT.MODELESS);
        setBlockOnOpen(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(HelpMessages.gettingStartedTitle);
    }

    @Override
    protected org.eclipse.swt.graphics.Point getInitialSize() {
        return new org.eclipse.swt.graphics.Point(860, 720);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        String html = html();
        try {
            browser = new Browser(area, SWT.NONE);
            browser.addProgressListener(new ProgressAdapter() {
                @Override
                public void completed(ProgressEvent event) {
                    loaded = true;
                }
            });
            browser.setText(html);
            browser.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        } catch (SWTError e) {
            // no browser on this machine: the page's text
            Text text = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
            text.setText(plain(html));
            text.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            loaded = true;
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    /** Whether the page has been rendered (for tests and screenshots). */
    public boolean isLoaded() {
        return loaded;
    }

    /** The page shown, as HTML (the browser's text). */
    public String text() {
        return browser != null && !browser.isDisposed() ? browser.getText() : "";
    }

    /** The page in the user's language: {@code getting-started_en.html} for English, the Russian one otherwise. */
    static String html() {
        Bundle bundle = Platform.getBundle("oko.ui");
        String language = Locale.getDefault().getLanguage();
        URL url = "en".equals(language) ? bundle.getEntry(PAGE + "_en.html") : null;
        if (url == null) {
            url = bundle.getEntry(PAGE + ".html");
        }
        if (url == null) {
            return "<p>" + org.eclipse.osgi.util.NLS.bind(HelpMessages.gettingStartedMissing, PAGE) + "</p>";
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<p>" + org.eclipse.osgi.util.NLS.bind(HelpMessages.gettingStartedMissing, e.getMessage()) + "</p>";
        }
    }

    private static String plain(String html) {
        return html.replaceAll("(?s)<style.*?</style>", "").replaceAll("<(li)>", "\n • ").replaceAll("<(h1|h2|p|br)[^>]*>", "\n")
                .replaceAll("<[^>]+>", "").replaceAll("&nbsp;", " ").replaceAll("&lt;", "<").replaceAll("&gt;", ">")
                .replaceAll("&amp;", "&").replaceAll("\n{3,}", "\n\n").strip();
    }
}
