package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import oko.core.modules.SystemTemplates;
import oko.model.Level;
import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.OkoPackage;
import oko.model.QualitySystem;
import oko.model.edit.ModelLabels;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;
import oko.ui.internal.navigator.RepositoryNavigator;

/**
 * The navigator shows a quality system under its parent system (issue 22): a МСОКО under its РСОКО,
 * a school's system under its МСОКО; a system without a parent stays at the top level, and a changed
 * parent moves the system once committed — by another client (as {@code ./oko system parent}) or in
 * the navigator itself (as the Properties view's «Вышестоящая система»). The sample has no parent
 * systems, so its top level is every system of the repository, as before.
 */
class NavigatorSystemsTreeTest {

    private static final String REGION = "rsoko-tree-test";
    private static final String MUNICIPAL = "msoko-tree-test";
    private static final String SCHOOL = "vsoko-tree-test";

    private RepositoryNavigator navigator;

    @BeforeEach
    void showNavigator() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        navigator = UiThread.call(() -> (RepositoryNavigator) PlatformUI.getWorkbench().getActiveWorkbenchWindow()
                .getActivePage().showView(RepositoryNavigator.ID));
        UiThread.waitUntil("the navigator's editing", () -> navigator.editing() != null
                && navigator.viewer().getTree().getItemCount() > 0);
    }

    @AfterEach
    void removeTheTestsSystems() throws Exception {
        change(transaction -> {
            for (EObject root : OkoRepository.roots(transaction)) {
                if (root instanceof ModelRoot model) {
                    model.getQualitySystems().removeIf(s -> List.of(REGION, MUNICIPAL, SCHOOL).contains(s.getCode()));
                }
            }
        }, "Тест: удаление систем");
    }

    interface Change {
        void apply(CDOTransaction transaction);
    }

    /** One commit by another client of the repository (as a command of {@code ./oko} would make). */
    private static void change(Change change, String comment) {
        OkoRepository repository = RepositoryConnection.repository().orElseThrow();
        try (OkoRepository other = OkoRepository.connect(repository.embeddedServer().orElseThrow(), "другой")) {
            CDOTransaction transaction = other.openTransaction();
            try {
                change.apply(transaction);
                other.commit(transaction, comment, new NullProgressMonitor());
            } finally {
                transaction.close();
            }
        }
    }

    private static QualitySystem system(CDOView view, String code) {
        return SystemTemplates.system(SystemTemplates.models(OkoRepository.roots(view)), code);
    }

    /** The texts of the tree's top-level items (on the UI thread). */
    private List<String> topLevel() {
        List<String> texts = new ArrayList<>();
        for (TreeItem item : navigator.viewer().getTree().getItems()) {
            texts.add(item.getText());
        }
        return texts;
    }

    /** The item of the navigator's object of that id among the items, after expanding them (on the UI thread). */
    private TreeItem item(TreeItem[] items, CDOID id) {
        for (TreeItem item : items) {
            if (item.getData() instanceof EObject object && id.equals(CDOUtil.getCDOObject(object).cdoID())) {
                return item;
            }
        }
        return null;
    }

    private TreeItem expanded(TreeItem item) {
        navigator.viewer().setExpandedState(item.getData(), true);
        return item;
    }

    private static CDOID id(EObject object) {
        return CDOUtil.getCDOObject(object).cdoID();
    }

    @Test
    void aSystemIsShownUnderItsParentSystemAndMovesWhenItsParentChanges() throws Exception {
        // the sample: no system has a parent, so the top level lists every system of the repository
        // in the models' order, then the registers (as before systems were nested)
        List<String> systems = UiThread.call(() -> {
            List<String> labels = new ArrayList<>();
            for (EObject root : OkoRepository.roots(navigator.editing().transaction())) {
                if (root instanceof ModelRoot model) {
                    for (QualitySystem system : model.getQualitySystems()) {
                        assertEquals(null, system.getParentSystem(), "the sample has no parent systems");
                        labels.add(ModelLabels.label(system));
                    }
                }
            }
            return labels;
        });
        assertTrue(systems.size() >= 3, "the sample's systems: " + systems);
        List<String> before = UiThread.call(this::topLevel);
        assertEquals(systems, before.subList(0, systems.size()), "every system at the top level: " + before);
        assertTrue(before.subList(systems.size(), before.size()).stream().allMatch(t -> t.startsWith("Реестры")),
                before.toString());

        // a region, a municipal system under it and a school's system under that, in one commit
        change(transaction -> {
            ModelRoot model = (ModelRoot) OkoRepository.roots(transaction).stream().filter(ModelRoot.class::isInstance)
                    .findFirst().orElseThrow();
            QualitySystem region = OkoFactory.eINSTANCE.createQualitySystem();
            region.setCode(REGION);
            region.setName("РСОКО (тест дерева)");
            region.setLevel(Level.REGION);
            QualitySystem municipal = OkoFactory.eINSTANCE.createQualitySystem();
            municipal.setCode(MUNICIPAL);
            municipal.setName("МСОКО (тест дерева)");
            municipal.setLevel(Level.MUNICIPALITY);
            municipal.setParentSystem(region);
            QualitySystem school = OkoFactory.eINSTANCE.createQualitySystem();
            school.setCode(SCHOOL);
            school.setName("ВСОКО (тест дерева)");
            school.setLevel(Level.SCHOOL);
            school.setParentSystem(municipal);
            // the school's system before its parents: the order of the models does not matter
            model.getQualitySystems().addAll(List.of(school, region, municipal));
        }, "Тест: РСОКО, МСОКО и ВСОКО");
        UiThread.waitUntil("the new systems in the navigator's view",
                () -> system(navigator.editing().transaction(), SCHOOL) != null);
        CDOID regionId = UiThread.call(() -> id(system(navigator.editing().transaction(), REGION)));
        CDOID municipalId = UiThread.call(() -> id(system(navigator.editing().transaction(), MUNICIPAL)));
        CDOID schoolId = UiThread.call(() -> id(system(navigator.editing().transaction(), SCHOOL)));

        // the region at the top level, the МСОКО under it, the ВСОКО under the МСОКО; neither at the top
        UiThread.waitUntil("the МСОКО under the region and the ВСОКО under the МСОКО", () -> {
            TreeItem regionItem = item(navigator.viewer().getTree().getItems(), regionId);
            if (regionItem == null || item(navigator.viewer().getTree().getItems(), municipalId) != null
                    || item(navigator.viewer().getTree().getItems(), schoolId) != null) {
                return false;
            }
            TreeItem municipalItem = item(expanded(regionItem).getItems(), municipalId);
            return municipalItem != null && item(expanded(municipalItem).getItems(), schoolId) != null;
        });
        assertEquals(before.size() + 1, UiThread.call(() -> topLevel()).size(), "one more item at the top: the region");
        // selected from elsewhere (the problems view, say), the ВСОКО is revealed under its systems
        UiThread.run(() -> navigator.select(schoolId));
        List<CDOID> path = UiThread.call(() -> {
            List<CDOID> ids = new ArrayList<>();
            TreeItem[] selection = navigator.viewer().getTree().getSelection();
            assertEquals(1, selection.length);
            for (TreeItem item = selection[0]; item != null; item = item.getParentItem()) {
                ids.add(0, id((EObject) item.getData()));
            }
            return ids;
        });
        assertEquals(List.of(regionId, municipalId, schoolId), path, "region → МСОКО → ВСОКО");
        UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                "navigator-systems-tree"));

        // the filter finds the ВСОКО two levels down and keeps the systems above it
        Text filter = UiThread.call(() -> (Text) Arrays.stream(navigator.viewer().getControl().getParent().getChildren())
                .filter(Text.class::isInstance).findFirst().orElseThrow());
        UiThread.run(() -> filter.setText("ВСОКО (тест дерева)"));
        UiThread.waitUntil("the filtered ВСОКО under its systems", () -> {
            TreeItem regionItem = item(navigator.viewer().getTree().getItems(), regionId);
            TreeItem municipalItem = regionItem == null ? null : item(expanded(regionItem).getItems(), municipalId);
            return municipalItem != null && item(expanded(municipalItem).getItems(), schoolId) != null;
        });
        UiThread.run(() -> filter.setText(""));

        // out of the region (as ./oko system parent msoko --none): the МСОКО, with its ВСОКО, at the top
        change(transaction -> system(transaction, MUNICIPAL).setParentSystem(null), "Тест: без системы выше");
        UiThread.waitUntil("the МСОКО at the top level", () -> {
            TreeItem municipalItem = item(navigator.viewer().getTree().getItems(), municipalId);
            TreeItem regionItem = item(navigator.viewer().getTree().getItems(), regionId);
            return municipalItem != null && regionItem != null && item(expanded(regionItem).getItems(), municipalId) == null
                    && item(expanded(municipalItem).getItems(), schoolId) != null;
        });

        // back under the region through the navigator's own editing (as the Properties view does): after its commit
        UiThread.run(() -> {
            var domain = navigator.editing().domain();
            CDOView view = navigator.editing().transaction();
            navigator.editing().stack().execute(SetCommand.create(domain, view.getObject(municipalId),
                    OkoPackage.Literals.QUALITY_SYSTEM__PARENT_SYSTEM, view.getObject(regionId)));
        });
        UiThread.waitUntil("the МСОКО committed under the region", () -> {
            CDOView view = RepositoryConnection.repository().orElseThrow().openView();
            try {
                QualitySystem stored = system(view, MUNICIPAL);
                return stored != null && stored.getParentSystem() != null && REGION.equals(stored.getParentSystem().getCode());
            } finally {
                view.close();
            }
        });
        UiThread.waitUntil("the МСОКО under the region again", () -> {
            TreeItem regionItem = item(navigator.viewer().getTree().getItems(), regionId);
            return regionItem != null && item(navigator.viewer().getTree().getItems(), municipalId) == null
                    && item(expanded(regionItem).getItems(), municipalId) != null;
        });
    }
}
