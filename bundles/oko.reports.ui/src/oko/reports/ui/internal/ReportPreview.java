package oko.reports.ui.internal;

import java.nio.file.Path;
import java.util.Objects;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IPersistableElement;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

/** A rendered report (HTML) in the editor area, shown by the embedded browser (WebKitGTK on Linux). */
public final class ReportPreview extends EditorPart {

    public static final String ID = "oko.reports.ui.editors.preview";

    /** The rendered HTML file and the report's title. */
    public record Input(Path file, String title) implements IEditorInput {

        public Input {
            Objects.requireNonNull(file);
        }

        @Override
        public boolean exists() {
            return false;
        }

        @Override
        public ImageDescriptor getImageDescriptor() {
            return null;
        }

        @Override
        public String getName() {
            return title;
        }

        @Override
        public IPersistableElement getPersistable() {
            return null;
        }

        @Override
        public String getToolTipText() {
            return title + " — " + file;
        }

        @Override
        public <T> T getAdapter(Class<T> adapter) {
            return null;
        }
    }

    private Browser browser;
    private Control control;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof Input)) {
            throw new PartInitException(String.valueOf(input));
        }
        setSite(site);
        setInput(input);
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
    }

    @Override
    public void createPartControl(Composite parent) {
        try {
            browser = new Browser(parent, SWT.NONE);
            browser.setUrl(((Input) getEditorInput()).file().toUri().toString());
            control = browser;
        } catch (SWTError noEngine) {
            // no browser engine on this machine: say so; Save as still writes the report to files
            Label label = new Label(parent, SWT.WRAP);
            label.setText(noEngine.getMessage() + "\n" + ((Input) getEditorInput()).file());
            control = label;
        }
    }

    /** The browser, or null when the machine has no browser engine. */
    public Browser browser() {
        return browser;
    }

    @Override
    public void setFocus() {
        control.setFocus();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // nothing to save: the preview is a rendering; Save as in the Reports view writes files
    }

    @Override
    public void doSaveAs() {
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }
}
