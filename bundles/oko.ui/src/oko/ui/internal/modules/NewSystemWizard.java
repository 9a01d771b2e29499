package oko.ui.internal.modules;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.preferences.InstanceScope;
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
import oko.model.Territory;
import oko.model.TerritoryKind;
import oko.repository.OkoRepository;
import oko.ui.ErrorReports;
import oko.ui.UserJobs;
import oko.ui.internal.Messages;

/**
 * Модель ▸ Новая система оценки качества…: one page — the module (each installed module, with its
 * description), the name, the code (a free one suggested), and the territory (one of the models',
 * or a new one typed in; a region for a regional system) or, for a school module, the school (the
 * user's own preselected); for a regional or municipal system the organisation running it (one of
 * the models' or a new authority typed in; both need one) and the system above it
 * (a municipal system's region, a school's municipal system); Finish creates the system from the
 * module's template in one commit, as a job, like {@code ./oko new}.
 */
public final class NewSystemWizard extends Wizard {

    /** Family of the creating job, for tests. */
    public static final Object FAMILY = NewSystemWizard.class;

    /**
     * Where the workbench keeps the user's school: the school chosen in Моя школа (instance scope
     * of oko.school.ui, key {@code school}).
     */
    static final String SCHOOL_PREFERENCE_NODE = "oko.school.ui";
    static final String SCHOOL_PREFERENCE = "school";

    private final OkoRepository repository;
    private final List<Module> modules;
    private final List<Organisation> schools;
    private final List<String> territories;
    private final List<String> regions;
    private final List<ModelRoot> models;
    private final List<Organisation> operators;
    private final List<String> suggestedCodes;
    private final Set<String> takenCodes;
    private final String userSchool;
    private Combo module;
    private Label moduleDetails;
    private Text name;
    private Text code;
    private Combo territory;
    private Combo school;
    private Combo operator;
    private Combo above;
    private List<QualitySystem> parentChoices = List.of();
    private String suggested;

    /**
     * A wizard over the repository's models ({@code roots}, read while the wizard is open);
     * {@code userSchool} is the code of the user's school (preselected for a ВСОКО), or null.
     */
    public NewSystemWizard(OkoRepository repository, List<Module> modules, List<EObject> roots, String userSchool) {
        this.repository = repository;
        this.modules = modules;
        List<ModelRoot> models = SystemTemplates.models(roots);
        this.models = models;
        this.schools = schools(roots);
        this.territories = SystemTemplates.territories(models).stream()
                .map(t -> t.getName() != null ? t.getName() : t.getCode()).distinct().toList();
        this.regions = SystemTemplates.territories(models).stream().filter(t -> t.getKind() == TerritoryKind.REGION)
                .map(t -> t.getName() != null ? t.getName() : t.getCode()).distinct().toList();
        this.operators = SystemTemplates.operators(models);
        this.suggestedCodes = modules.stream().map(m -> SystemTemplates.freeCode(m, models)).toList();
        this.takenCodes = models.stream().flatMap(r -> r.getQualitySystems().stream()).map(QualitySystem::getCode)
                .collect(Collectors.toSet());
        this.userSchool = userSchool;
        setWindowTitle(Messages.newSystemTitle);
        setNeedsProgressMonitor(false);
    }

    /** The code of the user's school as the workbench knows it (chosen in Моя школа), or null. */
    public static String userSchool() {
        return InstanceScope.INSTANCE.getNode(SCHOOL_PREFERENCE_NODE).get(SCHOOL_PREFERENCE, null);
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
                module.setItems(modules.stream().map(NewSystemWizard::moduleItem).toArray(String[]::new));
                // wide enough for a module's name and kind, and for a two-line error message above
                GridDataFactory.fillDefaults().grab(true, false).hint(560, SWT.DEFAULT).applyTo(module);
                new Label(body, SWT.NONE);
                moduleDetails = new Label(body, SWT.WRAP);
                GridDataFactory.fillDefaults().grab(true, false).hint(560, SWT.DEFAULT).applyTo(moduleDetails);
                new Label(body, SWT.NONE).setText(Messages.newSystemName);
                name = new Text(body, SWT.BORDER);
                GridDataFactory.fillDefaults().grab(true, false).applyTo(name);
                new Label(body, SWT.NONE).setText(Messages.newSystemCode);
                code = new Text(body, SWT.BORDER);
                GridDataFactory.fillDefaults().grab(true, false).applyTo(code);
                new Label(body, SWT.NONE).setText(Messages.newSystemTerritory);
                territory = new Combo(body, SWT.DROP_DOWN);
                territory.setItems(territories.toArray(String[]::new));
                territory.setToolTipText(Messages.newSystemTerritoryHint);
                GridDataFactory.fillDefaults().grab(true, false).applyTo(territory);
                new Label(body, SWT.NONE).setText(Messages.newSystemSchool);
                school = new Combo(body, SWT.READ_ONLY);
                school.setItems(schools.stream().map(o -> o.getName() + " (" + o.getCode() + ")").toArray(String[]::new));
                GridDataFactory.fillDefaults().grab(true, false).applyTo(school);
                new Label(body, SWT.NONE).setText(Messages.newSystemOperator);
                operator = new Combo(body, SWT.DROP_DOWN);
                operator.setItems(operators.stream().map(NewSystemWizard::label).toArray(String[]::new));
                operator.setToolTipText(Messages.newSystemOperatorHint);
                GridDataFactory.fillDefaults().grab(true, false).applyTo(operator);
                new Label(body, SWT.NONE).setText(Messages.newSystemParent);
                above = new Combo(body, SWT.READ_ONLY);
                above.setToolTipText(Messages.newSystemParentHint);
                GridDataFactory.fillDefaults().grab(true, false).applyTo(above);
                module.addModifyListener(e -> moduleChosen(this));
                name.addModifyListener(e -> update(this));
                code.addModifyListener(e -> update(this));
                territory.addModifyListener(e -> update(this));
                school.addModifyListener(e -> update(this));
                operator.addModifyListener(e -> update(this));
                if (!modules.isEmpty()) {
                    // the municipal system is the usual one to make; the registry's order is the bundles'
                    int municipal = modules.indexOf(modules.stream().filter(m -> m.level() == Level.MUNICIPALITY)
                            .findFirst().orElse(modules.get(0)));
                    module.select(municipal);
                }
                setControl(body);
                moduleChosen(this);
            }
        });
    }

    private Module chosen() {
        return module.getSelectionIndex() < 0 ? null : modules.get(module.getSelectionIndex());
    }

    /** A new module: its free code (unless the user typed one), and for a ВСОКО the user's school. */
    private void moduleChosen(WizardPage page) {
        int index = module.getSelectionIndex();
        if (index >= 0) {
            String description = modules.get(index).description();
            moduleDetails.setText(description == null ? "" : description);
            moduleDetails.getParent().layout(true);
            String next = suggestedCodes.get(index);
            if (code.getText().isBlank() || code.getText().equals(suggested)) {
                code.setText(next);
            }
            suggested = next;
            Level level = modules.get(index).level();
            String typedTerritory = territory.getText();
            territory.setItems((level == Level.REGION ? regions : territories).toArray(String[]::new));
            territory.setText(typedTerritory);
            parentChoices = SystemTemplates.parents(models, level);
            List<String> parentItems = new java.util.ArrayList<>();
            parentItems.add(Messages.newSystemNoParent);
            parentChoices.forEach(p -> parentItems.add(p.getName() + " (" + p.getCode() + ")"));
            above.setItems(parentItems.toArray(String[]::new));
            above.select(0);
            if (modules.get(index).level() == Level.SCHOOL && school.getSelectionIndex() < 0 && userSchool != null) {
                for (int i = 0; i < schools.size(); i++) {
                    if (userSchool.equals(schools.get(i).getCode())) {
                        school.select(i);
                    }
                }
            }
        }
        update(page);
    }

    private void update(WizardPage page) {
        Module selected = chosen();
        boolean forSchool = selected != null && selected.level() == Level.SCHOOL;
        school.setEnabled(forSchool);
        territory.setEnabled(!forSchool);
        operator.setEnabled(!forSchool);
        above.setEnabled(parentChoices.size() > 0);
        String problem = problem(selected == null ? null : selected.level());
        page.setErrorMessage(problem);
        page.setPageComplete(problem == null);
    }

    /** What keeps the page from finishing for a system of {@code level}, or null. */
    private String problem(Level level) {
        String typed = code.getText().strip();
        String typedTerritory = territory.getText().strip();
        if (modules.isEmpty()) {
            return Messages.newSystemNoModules;
        }
        if (name.getText().isBlank()) {
            return Messages.newSystemNoName;
        }
        if (typed.isEmpty()) {
            return Messages.newSystemNoCode;
        }
        if (typed.chars().anyMatch(Character::isWhitespace)) {
            return Messages.newSystemCodeBlank;
        }
        if (takenCodes.contains(typed)) {
            return Messages.bind(Messages.newSystemCodeTaken, typed);
        }
        if (level == Level.SCHOOL) {
            return school.getSelectionIndex() < 0 ? Messages.newSystemNoSchool : null;
        }
        if (typedTerritory.isEmpty()) {
            return Messages.newSystemNoTerritory;
        }
        if (level == Level.REGION
                && !SystemTemplates.fits(Level.REGION, SystemTemplates.territory(models, typedTerritory))) {
            return Messages.bind(Messages.newSystemNotRegion, typedTerritory);
        }
        // a regional or municipal system's aggregated indicators store their values for its organisation
        if (operator.getText().isBlank() && (level == Level.REGION || level == Level.MUNICIPALITY)) {
            return level == Level.REGION ? Messages.newSystemNoOperator : Messages.newSystemNoMunicipalOperator;
        }
        return null;
    }

    /** The controls, for tests: module, name, code, territory, school, operator, parent. */
    public List<org.eclipse.swt.widgets.Control> controls() {
        return List.of(module, name, code, territory, school, operator, above);
    }

    /**
     * A module as the list shows it: its name and what it is, the description up to its colon
     * («МСОКО — Муниципальная система оценки качества образования»); the whole description is
     * written below the list.
     */
    private static String moduleItem(Module module) {
        String description = module.description();
        if (description == null || description.isBlank()) {
            return module.name();
        }
        int colon = description.indexOf(':');
        return module.name() + " — " + (colon > 0 ? description.substring(0, colon) : description).strip();
    }

    /** An organisation as the operator's list shows it: its name and code. */
    private static String label(Organisation organisation) {
        return organisation.getName() + " (" + organisation.getCode() + ")";
    }

    @Override
    public boolean performFinish() {
        Module selected = chosen();
        String systemName = name.getText().strip();
        String systemCode = code.getText().strip();
        boolean forSchool = selected.level() == Level.SCHOOL;
        String schoolCode = forSchool ? schools.get(school.getSelectionIndex()).getCode() : null;
        String territoryText = forSchool ? null : territory.getText().strip();
        // an organisation of the list by its code, else the text typed (a code, a name, or a new authority's name)
        int listed = operator.indexOf(operator.getText());
        String operatorText = forSchool ? null : listed >= 0 ? operators.get(listed).getCode() : operator.getText().strip();
        String parentCode = above.getSelectionIndex() > 0 ? parentChoices.get(above.getSelectionIndex() - 1).getCode()
                : null;
        UserJobs.schedule(Messages.bind(Messages.newSystemJob, systemName), FAMILY, monitor -> {
            CDOTransaction transaction = repository.openTransaction();
            try {
                List<ModelRoot> roots = SystemTemplates.models(OkoRepository.roots(transaction));
                QualitySystem system = SystemTemplates.create(selected, systemName, systemCode, roots);
                Organisation organisation = schoolCode == null ? null : SystemTemplates.organisation(roots, schoolCode);
                SystemTemplates.add(system, roots, organisation, territoryText,
                        () -> OkoRepository.newModel(transaction, systemCode, systemName));
                SystemTemplates.bindOperator(system, roots, operatorText);
                system.setParentSystem(parentCode == null ? null : SystemTemplates.system(roots, parentCode));
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

    /** The territories of the repository's models, as the wizard lists them. */
    public static List<Territory> territories(List<EObject> roots) {
        return SystemTemplates.territories(SystemTemplates.models(roots));
    }
}
