package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import oko.core.modules.Modules;
import oko.model.Level;
import oko.model.ModelRoot;
import oko.model.QualitySystem;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;
import oko.ui.internal.modules.NewSystemWizard;

/**
 * Модель ▸ Новая система оценки качества…: the wizard lists the installed modules; a ВСОКО needs
 * its school; Finish stores the system made from the school module's template.
 */
class NewSystemWizardTest {

    @Test
    void theWizardCreatesAVsokoOfTheChosenSchoolFromTheSchoolModule() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        OkoRepository repository = RepositoryConnection.repository().orElseThrow();
        var modules = Modules.all();
        CDOView view = repository.openView();
        var schools = NewSystemWizard.schools(OkoRepository.roots(view));
        NewSystemWizard wizard = new NewSystemWizard(repository, modules, schools);
        UiThread.run(() -> {
            Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
            window.getDisplay().asyncExec(() -> new WizardDialog(window, wizard).open());
        });
        Shell shell = UiThread.waitForShell("Новая система оценки качества");
        assertNotNull(shell, "no wizard");
        List<Control> controls = UiThread.call(wizard::controls);
        Combo module = (Combo) controls.get(0);
        Text name = (Text) controls.get(1);
        Combo school = (Combo) controls.get(2);
        List<String> items = UiThread.call(() -> List.of(module.getItems()));
        assertTrue(items.stream().anyMatch(i -> i.startsWith("МСОКО")) && items.stream().anyMatch(i -> i.startsWith("ВСОКО")),
                items.toString());
        int schoolModule = modules.indexOf(modules.stream().filter(m -> m.level() == Level.SCHOOL).findFirst().orElseThrow());
        int sosh51 = schools.indexOf(schools.stream().filter(o -> "chel-sosh51".equals(o.getCode())).findFirst().orElseThrow());
        UiThread.run(() -> {
            module.select(schoolModule);
            module.notifyListeners(SWT.Modify, new Event());
            name.setText("ВСОКО МБОУ СОШ № 51 (мастер)");
        });
        Button finish = UiThread.call(() -> button(shell, IDialogConstants.FINISH_ID));
        assertTrue(!UiThread.call(finish::isEnabled), "a ВСОКО cannot be made without its school");
        UiThread.run(() -> {
            school.select(sosh51);
            school.notifyListeners(SWT.Modify, new Event());
        });
        UiThread.settle(200);
        UiThread.call(() -> Screenshots.save(shell, "new-system-wizard"));
        UiThread.run(() -> {
            assertTrue(finish.isEnabled());
            finish.notifyListeners(SWT.Selection, new Event());
        });
        Job.getJobManager().join(NewSystemWizard.FAMILY, null);
        view.close();
        view = repository.openView();
        try {
            QualitySystem created = OkoRepository.roots(view).stream().filter(ModelRoot.class::isInstance)
                    .flatMap(r -> ((ModelRoot) r).getQualitySystems().stream())
                    .filter(s -> "ВСОКО МБОУ СОШ № 51 (мастер)".equals(s.getName())).findFirst().orElse(null);
            assertNotNull(created, "the new system is in the repository");
            assertEquals(Level.SCHOOL, created.getLevel());
            assertEquals("chel-sosh51", created.getOrganisation().getCode());
            assertTrue(created.getCode().startsWith("school-"), created.getCode());
            assertTrue(!created.getSections().isEmpty(), "the school's function distribution of the template");
        } finally {
            view.close();
        }
        // the workbench's repository is shared by the UI tests: the school keeps its one ВСОКО
        var transaction = repository.openTransaction();
        try {
            OkoRepository.roots(transaction).stream().filter(ModelRoot.class::isInstance)
                    .forEach(r -> ((ModelRoot) r).getQualitySystems().removeIf(
                            s -> "ВСОКО МБОУ СОШ № 51 (мастер)".equals(s.getName())));
            repository.commit(transaction, "test cleanup", new org.eclipse.core.runtime.NullProgressMonitor());
        } finally {
            transaction.close();
        }
    }

    private static Button button(Composite composite, int id) {
        for (Control child : composite.getChildren()) {
            if (child instanceof Button b && Integer.valueOf(id).equals(b.getData())) {
                return b;
            }
            if (child instanceof Composite inner) {
                Button found = button(inner, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
