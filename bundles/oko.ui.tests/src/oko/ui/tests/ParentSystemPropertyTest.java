package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceImpl;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.junit.jupiter.api.Test;

import oko.model.Level;
import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.QualitySystem;
import oko.model.provider.OkoItemProviderAdapterFactory;
import oko.ui.internal.properties.ItemPropertySource;

/**
 * The Properties view's «Вышестоящая система» of a quality system offers only the systems of the next
 * level up (issue 22): a municipal system's list has the regional systems, a school's the municipal
 * ones, a region's none — besides the empty choice.
 */
class ParentSystemPropertyTest {

    private static QualitySystem system(ModelRoot root, String code, String name, Level level) {
        QualitySystem system = OkoFactory.eINSTANCE.createQualitySystem();
        system.setCode(code);
        system.setName(name);
        system.setLevel(level);
        root.getQualitySystems().add(system);
        return system;
    }

    /** The texts of the combo the property's cell editor offers. */
    private static List<String> choices(QualitySystem system, AdapterFactoryEditingDomain domain,
            ComposedAdapterFactory factory) throws Exception {
        return UiThread.call(() -> {
            ItemPropertySource source = new ItemPropertySource(system, factory, domain);
            IPropertyDescriptor descriptor = Arrays.stream(source.getPropertyDescriptors())
                    .filter(d -> d.getId().toString().contains("parentSystem")).findFirst().orElse(null);
            assertNotNull(descriptor, "a parentSystem property");
            Shell shell = new Shell(PlatformUI.getWorkbench().getDisplay());
            try {
                CellEditor editor = descriptor.createPropertyEditor(shell);
                assertNotNull(editor, "the property can be edited");
                return List.of(((ComboBoxCellEditor) editor).getItems());
            } finally {
                shell.dispose();
            }
        });
    }

    @Test
    void theSystemAboveIsChosenAmongTheSystemsOfTheNextLevelUpOnly() throws Exception {
        ComposedAdapterFactory factory = new ComposedAdapterFactory(List.of(new OkoItemProviderAdapterFactory()));
        ResourceSetImpl set = new ResourceSetImpl();
        AdapterFactoryEditingDomain domain = new AdapterFactoryEditingDomain(factory, new BasicCommandStack(), set);
        Resource resource = new ResourceImpl(URI.createURI("memory:/parents.xmi"));
        set.getResources().add(resource);
        ModelRoot root = OkoFactory.eINSTANCE.createModelRoot();
        resource.getContents().add(root);
        QualitySystem region = system(root, "region-1", "РСОКО Удмуртской Республики", Level.REGION);
        system(root, "region-2", "РСОКО Республики Башкортостан", Level.REGION);
        QualitySystem municipal = system(root, "msoko-1", "МСОКО Красногорского района", Level.MUNICIPALITY);
        system(root, "msoko-2", "МСОКО Ишимбайского района", Level.MUNICIPALITY);
        QualitySystem school = system(root, "vsoko-1", "ВСОКО МБОУ СОШ № 1", Level.SCHOOL);

        List<String> forMunicipal = choices(municipal, domain, factory);
        assertEquals(3, forMunicipal.size(), "the empty choice and the two regions: " + forMunicipal);
        assertTrue(forMunicipal.contains(""), "the empty choice: " + forMunicipal);
        assertEquals(2, forMunicipal.stream().filter(t -> t.contains("РСОКО")).count(), forMunicipal.toString());

        List<String> forSchool = choices(school, domain, factory);
        assertEquals(3, forSchool.size(), "the empty choice and the two municipal systems: " + forSchool);
        assertEquals(2, forSchool.stream().filter(t -> t.contains("МСОКО")).count(), forSchool.toString());

        List<String> forRegion = choices(region, domain, factory);
        assertEquals(List.of(""), forRegion, "nothing is above a region");
        factory.dispose();
    }
}
