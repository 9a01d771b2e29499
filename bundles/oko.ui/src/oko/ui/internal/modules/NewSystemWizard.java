package oko.ui.internal.modules;

import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import oko.core.modules.Modules.Module;
import oko.core.modules.SystemTemplates;
import oko.model.Level;
import oko.model.ModelRoot;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.QualitySystem;
import oko.repository.OkoRepository;
import oko.ui.ErrorReports;
import oko.ui.UserJobs;
import oko.ui.internal.Messages;

/**
 * Модель ▸ Новая система оценки качества…: one page — the module (each installed module, with its
 * description), the name, and for a school module the school; Finish creates the system from the
 * module's template in one commit, as a job, like {@code ./oko new}.
 */
public final class NewSystemWizard extends Wizard {

    /** Family of the creating job, for tests. */
    public static final Object FAMILY = NewSystemWizard.class;

    private final OkoRepository repository;
    private final List<Module> modules;
    private final List<Organisation> schools;
    private Combo module;
    private Text name;
    private Combo school;

    public NewSystemWizard(OkoRepository repository, List<Module> modules, List<Organisation> schools) {
        this.repository = repository;
        this.modules = modules;
        this.schools = schools;
        setWindowTitle(Messages.newSystemTitle);
        setNeedsProgressMonitor(false);
    }

    @Override
    public void addPages() {
        addPage(new WizardPage("system") {
            @Override
            public void createControl(Composite parent) {
                setTitle(Messages.newSystemTitle);
                setMessage(Messages.newSystemMessage);
                Composite body = new Composite(parent, SWT.NONE);
                GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
                new Label(body, SWT.NONE).setText(Messages.newSystemModule);
                module = new Combo(body, SWT.READ_ONLY);
                module.setItems(modules.stream().map(m -> m.name() + (m.description() == null ? "" : " — "
                        + m.description())).toArray(String[]::new));
                GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(module);
                new Label(body, SWT.NONE).setText(Messages.newSystemName);
                name = new Text(body, SWT.BORDER);
                GridDataFactory.fillDefaults().grab(true, false).applyTo(name);
                new Label(body, SWT.NONE).setText(Messages.newSystemSchool);
                school = new Combo(body, SWT.READ_ONLY);
                school.setItems(schools.stream().map(o -> o.getName() + " (" + o.getCode() + ")").toArray(String[]::new));
                GridDataFactory.fillDefaults().grab(true, false).applyTo(school);
                module.addModifyListener(e -> update(this));
                name.addModifyListener(e -> update(this));
                school.addModifyListener(e -> update(this));
                if (!modules.isEmpty()) {
                    module.select(0);
                }
                setControl(body);
                update(this);
            }
        });
    }

    private Module chosen() {
        return module.getSelectionIndex() < 0 ? null : modules.get(module.getSelectionIndex());
    }

    private void update(WizardPage page) {
        Module selected = chosen();
        boolean forSchool = selected != null && selected.level() == Level.SCHOOL;
        school.setEnabled(forSchool);
        String problem = modules.isEmpty() ? Messages.newSystemNoModules
                : name.getText().isBlank() ? Messages.newSystemNoName
                        : forSchool && school.getSelectionIndex() < 0 ? Messages.newSystemNoSchool : null;
        page.setErrorMessage(problem);
        page.setPageComplete(problem == null);
    }

    /** The controls, for tests: module, name, school. */
    public List<org.eclipse.swt.widgets.Control> controls() {
        return List.of(module, name, school);
    }

    @Override
    public boolean performFinish() {
        Module selected = chosen();
        String systemName = name.getText().strip();
        String schoolCode = selected.level() == Level.SCHOOL ? schools.get(school.getSelectionIndex()).getCode() : null;
        UserJobs.schedule(Messages.bind(Messages.newSystemJob, systemName), FAMILY, monitor -> {
            CDOTransaction transaction = repository.openTransaction();
            try {
                List<ModelRoot> roots = SystemTemplates.models(OkoRepository.roots(transaction));
                QualitySystem system = SystemTemplates.create(selected, systemName, "new", roots);
                String code = SystemTemplates.freeCode(selected, roots);
                system.setCode(code);
                Organisation organisation = schoolCode == null ? null : SystemTemplates.organisation(roots, schoolCode);
                SystemTemplates.add(system, roots, organisation, () -> OkoRepository.newModel(transaction, code, systemName));
                repository.commit(transaction, Messages.bind(Messages.newSystemComment, systemName, selected.name()), monitor);
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                ErrorReports.show(NewSystemWizard.class, Messages.newSystemTitle,
                        Status.error(Messages.bind(Messages.newSystemFailed, systemName, e.getMessage()), e));
                return Status.OK_STATUS;
            } finally {
                transaction.close();
            }
        });
        return true;
    }

    /** The schools of the repository's models (for a ВСОКО). */
    public static List<Organisation> schools(List<EObject> roots) {
        return SystemTemplates.models(roots).stream().flatMap(r -> r.getOrganisations().stream())
                .filter(o -> o.getKind() == OrganisationKind.SCHOOL).toList();
    }
}
