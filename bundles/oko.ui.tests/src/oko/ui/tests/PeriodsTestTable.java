package oko.ui.tests;

import java.util.List;

import org.eclipse.emf.ecore.EObject;

import oko.model.ModelRoot;
import oko.ui.tables.TableColumn;
import oko.ui.tables.TableDefinition;

/**
 * A table contributed by this test bundle to {@code oko.ui.tables}, as a module would contribute
 * one: the periods of a model root, code and name, the name editable. It opens no object by
 * itself (the navigator keeps its usual editors); {@link TablesTest} opens it by its id.
 */
public final class PeriodsTestTable implements TableDefinition {

    @Override
    public boolean opens(EObject object) {
        return false;
    }

    @Override
    public List<? extends EObject> rows(EObject root) {
        return ((ModelRoot) root).getPeriods();
    }

    @Override
    public List<TableColumn> columns() {
        return List.of(TableColumn.of("Код", 80, "code", false), TableColumn.of("Название", 240, "name", false));
    }
}
