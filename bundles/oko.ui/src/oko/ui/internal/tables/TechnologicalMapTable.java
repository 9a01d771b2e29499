package oko.ui.internal.tables;

import java.util.List;

import org.eclipse.emf.ecore.EObject;

import oko.model.Direction;
import oko.model.TechnologicalMap;
import oko.ui.internal.Messages;
import oko.ui.tables.TableColumn;
import oko.ui.tables.TableDefinition;

/**
 * The technological map (seeds 000, 002): a direction's stages, or a map's rows, with the duties
 * of the coordinator, the executors and the operator. Its rows are the stages: none is added or
 * deleted here.
 */
public final class TechnologicalMapTable implements TableDefinition {

    @Override
    public boolean opens(EObject object) {
        return object instanceof TechnologicalMap || object instanceof Direction direction && !direction.getStages().isEmpty();
    }

    @Override
    public List<? extends EObject> rows(EObject root) {
        return root instanceof TechnologicalMap map ? map.getRows() : ((Direction) root).getStages();
    }

    @Override
    public List<TableColumn> columns() {
        return List.of(new TableColumn(Messages.colNumber, 40, r -> Cells.number(r, "number"), null, false),
                new TableColumn(Messages.colStage, 170, Cells::name, null, false),
                TableColumn.of(Messages.colAction, 260, "action", true),
                TableColumn.of(Messages.colCoordinator, 220, "coordinatorDuty", true),
                TableColumn.of(Messages.colExecutors, 220, "executorsDuty", true),
                TableColumn.of(Messages.colOperator, 200, "operatorDuty", true));
    }
}
