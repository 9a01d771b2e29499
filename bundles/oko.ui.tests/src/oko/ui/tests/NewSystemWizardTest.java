package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * its school (the user's own preselected); a МСОКО asks for its code, territory (one typed in
 * is new) and organisation (as a РСОКО: its aggregated indicators store their values for it); Finish stores the system made from the module's template, with nothing of the sample's
 * district in it.
 */
class NewSystemWizardTest {

    private static final String SCHOOL_SYSTEM = "ВСОКО МБОУ СОШ № 51 (мастер)";
    private static final String MUNICIPAL_SYSTEM = "МСОКО Нового района (мастер)";
    private static final String NEW_TERRITORY = "МР Новый район (мастер)";
    private static final String NEW_AUTHORITY = "Управление образования МР Новый район (мастер)";
    private static final String REGIONAL_SYSTEM = "РСОКО Удмуртской Республики (мастер)";

    /** Opens the wizard on the repository as the handler does, the user's school being {@code userSchool}. */
    private static Opened open(String userSchool) throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        OkoRepository repository = RepositoryConnection.repository().orElseThrow();
        CDOView view = repository.openView();
        var modules = Modules.all();
        NewSystemWizard wizard = new NewSystemWizard(repository, modules, OkoRepository.roots(view), userSchool);
        UiThread.run(() -> {
            Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
            window.getDisplay().asyncExec(() -> new WizardDialog(window, wizard).open());
        });
        Shell shell = UiThread.waitForShell("Новая система оценки качества");
        assertNotNull(shell, "no wizard");
        return new Opened(repository, view, modules, wizard, shell, UiThread.call(wizard::controls));
    }

    private record Opened(OkoRepository repository, CDOView view, List<oko.core.modules.Modules.Module> modules,
            NewSystemWizard wizard, Shell shell, List<Control> controls) {
        Combo module() {
            return (Combo) controls.get(0);
        }

        Text name() {
            return (Text) controls.get(1);
        }

        Text code() {
            return (Text) controls.get(2);
        }

        Combo territory() {
            return (Combo) controls.get(3);
        }

        Combo school() {
            return (Combo) controls.get(4);
        }

        Combo operator() {
            return (Combo) controls.get(5);
        }

        Combo parent() {
            return (Combo) controls.get(6);
        }

        void choose(Level level) throws Exception {
            int index = modules.indexOf(modules.stream().filter(m -> m.level() == level).findFirst().orElseThrow());
            UiThread.run(() -> {
                module().select(index);
                module().notifyListeners(SWT.Modify, new Event());
            });
        }

        Button finish() throws Exception {
            return UiThread.call(() -> UiThread.button(shell, IDialogConstants.FINISH_ID));
        }
    }

    private static QualitySystem stored(CDOView view, String name) {
        return OkoRepository.roots(view).stream().filter(ModelRoot.class::isInstance)
                .flatMap(r -> ((ModelRoot) r).getQualitySystems().stream())
                .filter(s -> name.equals(s.getName())).findFirst().orElse(null);
    }

    @Test
    void theWizardCreatesAVsokoOfTheUsersSchoolFromTheSchoolModule() throws Exception {
        Opened wizard = open("chel-sosh51");
        List<String> items = UiThread.call(() -> List.of(wizard.module().getItems()));
        assertTrue(items.stream().anyMatch(i -> i.startsWith("МСОКО")) && items.stream().anyMatch(i -> i.startsWith("ВСОКО")),
                items.toString());
        wizard.choose(Level.SCHOOL);
        UiThread.run(() -> wizard.name().setText(SCHOOL_SYSTEM));
        assertEquals("МБОУ «СОШ № 51 г. Челябинска» (chel-sosh51)",
                UiThread.call(() -> wizard.school().getText()), "the user's school is preselected");
        String suggested = UiThread.call(() -> wizard.code().getText());
        assertTrue(suggested.startsWith("school-"), "a free code of the module is suggested: " + suggested);
        assertFalse(UiThread.call(() -> wizard.territory().isEnabled()), "a ВСОКО is in its school's territory");
        UiThread.run(() -> wizard.code().setText("vsoko-sosh51-master"));
        UiThread.drain();
        UiThread.call(() -> Screenshots.save(wizard.shell(), "new-system-wizard"));
        Button finish = wizard.finish();
        UiThread.run(() -> {
            assertTrue(finish.isEnabled());
            finish.notifyListeners(SWT.Selection, new Event());
        });
        Job.getJobManager().join(NewSystemWizard.FAMILY, null);
        wizard.view().close();
        CDOView view = wizard.repository().openView();
        try {
            QualitySystem created = stored(view, SCHOOL_SYSTEM);
            assertNotNull(created, "the new system is in the repository");
            assertEquals(Level.SCHOOL, created.getLevel());
            assertEquals("vsoko-sosh51-master", created.getCode());
            assertEquals("chel-sosh51", created.getOrganisation().getCode());
            assertTrue(!created.getSections().isEmpty(), "the school's function distribution of the template");
        } finally {
            view.close();
        }
        cleanUp(wizard.repository(), SCHOOL_SYSTEM, null);
    }

    @Test
    void aMunicipalSystemGetsTheTypedCodeAndANewTerritoryAndNoneOfTheSamplesDistrict() throws Exception {
        Opened wizard = open(null);
        wizard.choose(Level.MUNICIPALITY);
        UiThread.run(() -> {
            wizard.name().setText(MUNICIPAL_SYSTEM);
            wizard.code().setText("ishimbay-msoko");
        });
        assertFalse(UiThread.call(() -> wizard.finish().isEnabled()), "the code of another system");
        assertTrue(UiThread.call(() -> wizard.wizard().getContainer().getCurrentPage().getErrorMessage())
                .contains("ishimbay-msoko"));
        UiThread.run(() -> wizard.code().setText("novy-msoko"));
        assertFalse(UiThread.call(() -> wizard.finish().isEnabled()), "no territory yet");
        List<String> territories = UiThread.call(() -> List.of(wizard.territory().getItems()));
        assertTrue(territories.contains("МР Ишимбайский район"), territories.toString());
        UiThread.run(() -> wizard.territory().setText(NEW_TERRITORY));
        // without its organisation the template's aggregated indicators could not store their values
        assertFalse(UiThread.call(() -> wizard.finish().isEnabled()), "no organisation yet");
        String missing = UiThread.call(() -> wizard.wizard().getContainer().getCurrentPage().getErrorMessage());
        assertTrue(missing.startsWith("Укажите организацию МСОКО"), missing);
        assertTrue(UiThread.call(() -> wizard.operator().isEnabled()));
        UiThread.run(() -> wizard.operator().setText(NEW_AUTHORITY));
        UiThread.drain();
        UiThread.call(() -> Screenshots.save(wizard.shell(), "new-system-wizard-municipal"));
        Button finish = wizard.finish();
        UiThread.run(() -> {
            assertTrue(finish.isEnabled());
            finish.notifyListeners(SWT.Selection, new Event());
        });
        Job.getJobManager().join(NewSystemWizard.FAMILY, null);
        wizard.view().close();
        CDOView view = wizard.repository().openView();
        try {
            QualitySystem created = stored(view, MUNICIPAL_SYSTEM);
            assertNotNull(created, "the new system is in the repository");
            assertEquals("novy-msoko", created.getCode());
            assertEquals(NEW_TERRITORY, created.getTerritory().getName());
            // a new education authority of the name typed, in the system's territory
            assertEquals(NEW_AUTHORITY, created.getOrganisation().getName());
            assertEquals(oko.model.OrganisationKind.AUTHORITY, created.getOrganisation().getKind());
            assertEquals(NEW_TERRITORY, created.getOrganisation().getTerritory().getName());
            assertEquals(9, created.getDirections().size());
            for (var direction : created.getDirections()) {
                assertEquals(6, direction.getStages().size(), direction.getCode());
                assertTrue(direction.getCoordinators().isEmpty() && direction.getExecutors().isEmpty(),
                        "nobody of the sample coordinates " + direction.getCode());
            }
            for (var document : created.getDocuments()) {
                String text = document.getName() + " " + document.getNumber() + " " + document.getDescription();
                assertFalse(text.contains("1048") || text.contains("Ишимба"), text);
            }
            assertTrue(created.getRoles().stream().allMatch(r -> r.getHolders().isEmpty()), "no holders of the sample");
        } finally {
            view.close();
        }
        cleanUp(wizard.repository(), MUNICIPAL_SYSTEM, NEW_TERRITORY, NEW_AUTHORITY);
    }

    /**
     * The regional module (issue 22): its territory is a region (only regions are listed, a district
     * typed in is refused), it needs the organisation its values are stored for; the new РСОКО is
     * then offered as the system above a new МСОКО.
     */
    @Test
    void aRegionalSystemGetsARegionAndItsOperatorAndIsOfferedAboveANewMunicipalSystem() throws Exception {
        Opened wizard = open(null);
        List<String> items = UiThread.call(() -> List.of(wizard.module().getItems()));
        assertTrue(items.stream().anyMatch(i -> i.startsWith("РСОКО")), items.toString());
        wizard.choose(Level.REGION);
        UiThread.run(() -> {
            wizard.name().setText(REGIONAL_SYSTEM);
            wizard.code().setText("rsoko-ur-master");
        });
        List<String> territories = UiThread.call(() -> List.of(wizard.territory().getItems()));
        assertTrue(territories.contains("Удмуртская Республика") && !territories.contains("МР Ишимбайский район"),
                "only regions: " + territories);
        UiThread.run(() -> wizard.territory().setText("МР Ишимбайский район"));
        assertTrue(UiThread.call(() -> wizard.wizard().getContainer().getCurrentPage().getErrorMessage())
                .contains("не регион"), "a district is not a region's territory");
        UiThread.run(() -> wizard.territory().setText("Удмуртская Республика"));
        assertFalse(UiThread.call(() -> wizard.finish().isEnabled()), "no organisation yet");
        assertTrue(UiThread.call(() -> wizard.operator().isEnabled() && !wizard.school().isEnabled()));
        List<String> operators = UiThread.call(() -> List.of(wizard.operator().getItems()));
        String ministry = operators.stream().filter(o -> o.endsWith("(ur-minobr)")).findFirst()
                .orElseThrow(() -> new AssertionError("the ministry is offered: " + operators));
        UiThread.run(() -> {
            wizard.operator().select(operators.indexOf(ministry));
            wizard.operator().notifyListeners(SWT.Modify, new Event());
        });
        UiThread.drain();
        // GTK paints the combos' new texts late: the first capture can still show the page before them
        UiThread.call(() -> Screenshots.save(wizard.shell(), "new-system-wizard-region"));
        UiThread.drain();
        UiThread.call(() -> Screenshots.save(wizard.shell(), "new-system-wizard-region"));
        Button finish = wizard.finish();
        UiThread.run(() -> {
            assertTrue(finish.isEnabled(), wizard.wizard().getContainer().getCurrentPage().getErrorMessage());
            finish.notifyListeners(SWT.Selection, new Event());
        });
        Job.getJobManager().join(NewSystemWizard.FAMILY, null);
        wizard.view().close();
        CDOView view = wizard.repository().openView();
        try {
            QualitySystem created = stored(view, REGIONAL_SYSTEM);
            assertNotNull(created, "the new system is in the repository");
            assertEquals(Level.REGION, created.getLevel());
            assertEquals("ur-minobr", created.getOrganisation().getCode());
            assertEquals("18", created.getTerritory().getCode());
            assertEquals("Доля ОМС, разработавших и реализующих программы поддержки ШНОР и ШНСУ",
                    created.getIndicators().get(0).getName());
        } finally {
            view.close();
        }
        // a new МСОКО may name it as the system above
        Opened again = open(null);
        again.choose(Level.MUNICIPALITY);
        List<String> parents = UiThread.call(() -> List.of(again.parent().getItems()));
        assertTrue(parents.contains(REGIONAL_SYSTEM + " (rsoko-ur-master)"), parents.toString());
        UiThread.call(() -> Screenshots.save(again.shell(), "new-system-wizard-under-region"));
        UiThread.run(() -> again.shell().close());
        again.view().close();
        cleanUp(wizard.repository(), REGIONAL_SYSTEM, null);
    }

    /** The workbench's repository is shared by the UI tests: remove what a test made. */
    private static void cleanUp(OkoRepository repository, String system, String territory) throws Exception {
        cleanUp(repository, system, territory, null);
    }

    /** As above, and the organisation of that name the test made. */
    private static void cleanUp(OkoRepository repository, String system, String territory, String organisation)
            throws Exception {
        var transaction = repository.openTransaction();
        try {
            OkoRepository.roots(transaction).stream().filter(ModelRoot.class::isInstance).forEach(r -> {
                ((ModelRoot) r).getQualitySystems().removeIf(s -> system.equals(s.getName()));
                ((ModelRoot) r).getOrganisations().removeIf(o -> organisation != null && organisation.equals(o.getName()));
                ((ModelRoot) r).getTerritories().removeIf(t -> territory != null && territory.equals(t.getName()));
            });
            repository.commit(transaction, "test cleanup", new org.eclipse.core.runtime.NullProgressMonitor());
        } finally {
            transaction.close();
        }
    }
}
